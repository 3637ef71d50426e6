"""Train the topic classifier (``indexer.topic_model``) on the real collection's dev split and write its model file.

    python -m bench.topic_model            # train on dev's present texts, report 5-fold figures, write the file
    python -m bench.topic_model --check    # report only: cross-validated dev figures of the rules and of both

Per topic that ``MIN_POSITIVES`` dev bulletins or more are labelled with (the others stay with the rules alone: a
handful of examples teaches a model the wording of those few pages), a logistic regression (scikit-learn, ``C``,
balanced class weights) over the tf-idf (``sublinear_tf``, words and word pairs seen in ``MIN_DF`` bulletins or more,
l2 norm) of each bulletin's ``model_text``, fitted on the labels of every dev bulletin whose text is present
(``bench/real/labels.jsonl``; test is never read). The report gives precision and recall of the topics the rules
give and of the rules settled by the classifier, each bulletin classified by a model fitted on the other four fifths
(the rules themselves were chosen on all of dev, so their figure is an in-sample one).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from bench.collection import read_jsonl
from bench.realtexts import REAL, split_collection
from indexer.metadata import extract_metadata
from indexer.reader import read_corpus
from indexer.records import Skipped
from indexer.topic_model import MODEL, TopicModel, features, model_text, settle
from search.vocabulary import topics

C = 4.0
MIN_DF = 3
DROP_BELOW, ADD_ABOVE = 0.1, 0.7  # chosen on dev by five-fold cross-validation
MIN_POSITIVES = 20  # a topic fewer dev bulletins are labelled with is left to the rules alone
FOLDS = 5


def dev_bulletins(real: Path = REAL) -> list[tuple[str, str, list[str], set[str]]]:
    """(title, text, the rules' topics, the labelled topics) of each dev bulletin whose text is present."""
    labels = {label["id"]: set(label.get("topics") or []) for label in read_jsonl(real / "labels.jsonl")}
    with tempfile.TemporaryDirectory() as folder:
        split_collection("dev", Path(folder), real)
        out = []
        for record in read_corpus(Path(folder) / "corpus"):
            bulletin = record if isinstance(record, Skipped) else extract_metadata(record, classify=False)
            if not isinstance(bulletin, Skipped) and bulletin.id in labels:
                out.append((bulletin.title, bulletin.text, list(bulletin.topics), labels[bulletin.id]))
    return out


def fit(keys: list[str], wanted: list[set[str]], order: list[str]) -> dict:
    """The model file's content fitted on these keys and labels."""
    vectorizer = TfidfVectorizer(analyzer=_listed, min_df=MIN_DF, sublinear_tf=True)
    matrix = vectorizer.fit_transform(keys)
    columns, intercepts = [], []
    for topic in order:
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
        model.fit(matrix, np.array([topic in want for want in wanted]))
        columns.append(model.coef_[0])
        intercepts.append(float(model.intercept_[0]))
    weights = np.column_stack(columns)
    names = vectorizer.get_feature_names_out()
    return {"topics": order, "intercepts": [round(b, 6) for b in intercepts],
            "drop_below": DROP_BELOW, "add_above": ADD_ABOVE, "title_times": 2, "body_chars": 20_000,
            "features": [[str(name), round(float(idf), 6), [round(float(w), 6) for w in row]]
                         for name, idf, row in zip(names, vectorizer.idf_, weights, strict=True)]}


def _listed(key: str) -> list[str]:
    """Each feature of a key as many times as it occurs: what a vectorizer's analyzer returns."""
    return list(features(key).elements())


def scores(predicted: list[set[str]], wanted: list[set[str]]) -> dict:
    """Precision, recall and F1 of the topics predicted, over every bulletin's topics pooled."""
    hit = sum(len(p & w) for p, w in zip(predicted, wanted, strict=True))
    extra = sum(len(p - w) for p, w in zip(predicted, wanted, strict=True))
    missed = sum(len(w - p) for p, w in zip(predicted, wanted, strict=True))
    precision, recall = hit / max(1, hit + extra), hit / max(1, hit + missed)
    return {"precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / max(1e-9, precision + recall), 3)}


def modelled(bulletins: list, order: list[str]) -> list[str]:
    """The topics, in ``order``, that at least ``MIN_POSITIVES`` of the bulletins are labelled with."""
    return [topic for topic in order if sum(topic in want for *_, want in bulletins) >= MIN_POSITIVES]


def cross_validated(bulletins: list, order: list[str]) -> dict:
    """Figures of the rules, and of the rules settled by models fitted on the other folds."""
    keys = [model_text(title, text) for title, text, _, _ in bulletins]
    wanted = [want for *_, want in bulletins]
    chances: list[dict] = [{} for _ in bulletins]
    for train, held in KFold(FOLDS, shuffle=True, random_state=0).split(keys):
        model = TopicModel(fit([keys[i] for i in train], [wanted[i] for i in train], order))
        for i in held:
            chances[i] = model.probabilities(bulletins[i][0], bulletins[i][1])
    rules = [set(rule) for _, _, rule, _ in bulletins]
    return {"bulletins": len(bulletins), "rules": scores(rules, wanted),
            "rules settled": scores([settle(r, c, DROP_BELOW, ADD_ABOVE) for r, c in zip(rules, chances, strict=True)],
                                    wanted)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    parser.add_argument("--real-collection", type=Path, default=REAL, help="real collection folder")
    args = parser.parse_args(argv)
    bulletins = dev_bulletins(args.real_collection)
    if not bulletins:
        print(f"no dev text of the real collection is present ({args.real_collection / 'texts'}): "
              "bench/real/README.md says how to collect them", file=sys.stderr)
        return 1
    order = modelled(bulletins, [topic.id for topic in topics()])
    report = cross_validated(bulletins, order)
    print(json.dumps(report, ensure_ascii=False))
    if not args.check:
        data = fit([model_text(title, text) for title, text, _, _ in bulletins], [w for *_, w in bulletins], order)
        about = {"_about": __doc__.split("\n\n")[0] + " Features: [word or word pair, idf, [weight per topic]].",
                 "trained": {"on": f"the real collection's dev split, {len(bulletins)} bulletins",
                             "date": date.today().isoformat(), "C": C, "min_df": MIN_DF,
                             "cross_validated": report}}
        _write({**about, **data}, MODEL)
        print(f"wrote {MODEL} ({len(data['features'])} features)")
    return 0


def _write(data: dict, path: Path) -> None:
    """One feature a line, so a retrained model's diff reads."""
    head = {key: value for key, value in data.items() if key != "features"}
    lines = [json.dumps(feature, ensure_ascii=False) for feature in data["features"]]
    body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    path.write_text(body + ',\n "features": [\n' + ",\n".join(lines) + "\n ]\n}\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
