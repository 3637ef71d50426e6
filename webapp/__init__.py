"""The Flask web app (the research UI, JSON API and widget) - built on ``search`` only."""
