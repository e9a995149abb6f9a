"""The shipped resources: fonts, the example policy, the icon.

Installed as the package ``app.resources`` (pyproject.toml maps this directory onto it),
so the app finds them through ``importlib.resources`` wherever it is installed;
``app/services/paths.py`` is the one place that looks for them.
"""
