"""A stand-in system browser for sign-in tests: ``$BROWSER="python tests/browser_login.py %s"``.

It fetches the authorize URL, fills the training provider's login form for a chosen
synthetic worker and follows the redirect to the app's loopback listener, as a worker's
browser would. Environment (read per run):

* ``PAIVYSTYS_LOGIN_WORKER``: the worker id to choose (default tyontekija-901);
* ``PAIVYSTYS_LOGIN_PASSWORD``: the password to type (default the training password);
* ``PAIVYSTYS_LOGIN_TAMPER``: ``state`` replaces the state in the redirect, ``challenge``
  replaces the PKCE code challenge in the authorize URL (an attacker's substitution),
  ``nonce`` replaces the nonce there (the ID token then carries another one).
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

OTHER_CHALLENGE = "A" * 43


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.hidden: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.action = a.get("action", "")
        elif tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"]] = a.get("value", "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _replace_param(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = [(k, value if k == name else v) for k, v in parse_qsl(parts.query)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def main(url: str) -> int:
    tamper = os.environ.get("PAIVYSTYS_LOGIN_TAMPER", "")
    if tamper == "challenge":
        url = _replace_param(url, "code_challenge", OTHER_CHALLENGE)
    elif tamper == "nonce":
        url = _replace_param(url, "nonce", "toinen-nonce-" + "9" * 20)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            page = response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        if error.code != 302:
            return 1
        # The provider already knows the worker (a session): straight back to the app.
        return _follow(opener, error.headers["Location"], tamper)
    form = _Form()
    form.feed(page)
    fields = dict(form.hidden)
    fields["worker"] = os.environ.get("PAIVYSTYS_LOGIN_WORKER", "tyontekija-901")
    fields["password"] = os.environ.get("PAIVYSTYS_LOGIN_PASSWORD", "harjoitus")
    parts = urlsplit(url)
    action = urlunsplit((parts.scheme, parts.netloc, form.action, "", ""))
    try:
        opener.open(action, data=urlencode(fields).encode("ascii"), timeout=10)
        return 1  # no redirect: the login was not accepted
    except urllib.error.HTTPError as error:
        if error.code != 302:
            return 1
        location = error.headers["Location"]
    return _follow(opener, location, tamper)


def _follow(opener: urllib.request.OpenerDirector, location: str, tamper: str) -> int:
    if tamper == "state":
        location = _replace_param(location, "state", "toinen-tila")
    with opener.open(location, timeout=10) as response:
        response.read()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
