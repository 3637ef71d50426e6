"""Work shared by forked processes: the first share done here, the others in children, answers in order.

Used where one large index file is written in ranges (``search.hot``'s runs of posting lists,
``indexer.compaction``'s ranges of terms). Forking shares the parent's memory (the plan, the
document maps) without pickling it; only each child's answer crosses a pipe. A child must not use
the parent's open Whoosh readers: their files share offsets with the parent's, so each task opens
readers of its own when it runs apart (``apart`` is true).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any


def run_forked(task: Callable[[int, bool], Any], count: int, meanwhile: Callable[[], Any] | None = None) -> list:
    """``task(k, apart)`` for each k below ``count``: k = 0 here (``apart`` false), the others in forked
    processes; their answers in order of k. An exception a child raised is raised here. With ``meanwhile``,
    every task runs apart and this process calls ``meanwhile()`` while they run.

    >>> run_forked(lambda k, apart: (k * k, apart), 3)
    [(0, False), (1, True), (4, True)]
    >>> run_forked(lambda k, apart: (k * k, apart), 2, meanwhile=lambda: None)
    [(0, True), (1, True)]
    """
    if meanwhile is None and count <= 1:
        return [task(0, False)] if count else []
    context, started = multiprocessing.get_context("fork"), []
    try:
        for k in range(0 if meanwhile else 1, count):  # the arguments are inherited, only the answer is sent
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_answer, args=(send, task, k))
            process.start()
            send.close()
            started.append((process, receive))
        done = [] if meanwhile else [task(0, False)]
        if meanwhile:
            meanwhile()
        for _, receive in started:
            answer = receive.recv()
            if isinstance(answer, BaseException):
                raise answer
            done.append(answer)
        return done
    finally:
        for process, receive in started:
            if process.is_alive():
                process.terminate()
            process.join()
            receive.close()


def _answer(send, task, k: int) -> None:
    """A child: ``task(k, True)``'s answer, or the exception that stopped it, sent to the parent."""
    try:
        send.send(task(k, True))
    except BaseException as error:
        send.send(error)
    finally:
        send.close()
