"""
Every link in README.md and docs/*.md goes somewhere.

A relative link names a file of the repository that exists, and its
``#anchor``, if any, is a heading of that page (or an ``id`` of an HTML
page); an absolute link is a well-formed http(s) URL. Nothing is fetched:
CI has no network. The links are read as a CommonMark renderer reads
them, so a link inside code is not a link, and MyST's ``{doc}`` and
``{download}`` roles are read as the Sphinx build reads them.
"""

import ipaddress
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown_it
import pytest
from hypothesis import given
from hypothesis import strategies as st


ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MYST_ANCHOR_LEVELS = 3
"""docs/conf.py's myst_heading_anchors: the heading levels that get an
anchor in the built docs. GitHub gives one to every level, in README.md."""
ROLE = re.compile(r"\{(?P<role>doc|download)\}`(?P<body>[^`]*)`")
LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", re.IGNORECASE)
NOT_IN_SLUG = re.compile(r"[^\w\u4e00-\u9fff\- ]")


def slugify(title):
    """
    A heading's anchor as GitHub makes it, and MyST by default.

    Lowercase, spaces to hyphens, and every character but a word
    character, a CJK ideograph, a hyphen or a space dropped
    (``myst_parser.slugs.github_slugify``).
    """
    return NOT_IN_SLUG.sub("", title.lower().replace(" ", "-"))


def unique(slug, taken):
    """
    The slug, numbered ``-1``, ``-2``... if an earlier heading has it.
    """
    found, n = slug, 1
    while found in taken:
        found, n = f"{slug}-{n}", n + 1
    return found


def parser():
    """
    A CommonMark parser with tables, as GitHub and MyST read pages.
    """
    return markdown_it.MarkdownIt("commonmark").enable("table")


def inline_text(token):
    """
    The text of an inline token, code spans included, as a slug sees it.
    """
    return "".join(
        child.content
        for child in token.children or ()
        if child.type in ("text", "code_inline", "html_inline")
    )


def anchors(page):
    """
    The anchors of a Markdown page's headings, as its renderer makes them.

    README.md is read on GitHub, which anchors every heading; docs pages
    are built by MyST, which anchors headings up to MYST_ANCHOR_LEVELS.
    """
    tokens = parser().parse(page.read_text(encoding="utf-8"))
    deepest = 6 if page.name == "README.md" else MYST_ANCHOR_LEVELS
    found = []
    for n, token in enumerate(tokens):
        if token.type == "heading_open" and int(token.tag[1]) <= deepest:
            found.append(unique(slugify(inline_text(tokens[n + 1])), found))
    return set(found)


class _Ids(HTMLParser):
    """
    Every ``id`` attribute of an HTML page.
    """

    def __init__(self, text):
        super().__init__()
        self.ids = set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        """
        Keep the element's id.
        """
        self.ids.update(value for name, value in attrs if name == "id")


def targets(text):
    """
    Every link target of a Markdown text, with the line it is on.

    Links and autolinks as CommonMark reads them (reference-style links
    resolved), then the targets of MyST's ``{doc}`` and ``{download}``
    roles, which CommonMark reads as code: ``{doc}`performance``` is the
    page ``performance.md``.
    """
    found = [
        (child.attrGet("href"), token.map[0] + 1)
        for token in parser().parse(text)
        for child in token.children or ()
        if child.type == "link_open"
    ]
    for role in ROLE.finditer(text):
        line = text.count("\n", 0, role.start()) + 1
        body = role["body"]
        inside = re.search(r"<([^<>]+)>\s*$", body)
        target = inside[1] if inside else body.strip()
        if role["role"] == "doc":
            target += ".md"
        found.append((target, line))
    return found


def well_formed_url(url):
    """
    Why *url* is not a well-formed absolute http(s) URL, or None.
    """
    if re.search(r"\s", url):
        return "has white space"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"has the scheme {parts.scheme!r}, not http or https"
    if not parts.hostname:
        return "has no host"
    if re.search(r"%(?![0-9A-Fa-f]{2})", url):
        return "has a % that escapes nothing"
    return _port_problem(parts) or _host_problem(parts.hostname)


def _port_problem(parts):
    try:
        port = parts.port
    except ValueError:
        return "has a port that is not a number from 0 to 65535"
    return "has port 0" if port == 0 else None


def _host_problem(host):
    """
    Why *host* is neither an IP address nor a domain name, or None.
    """
    try:
        ipaddress.ip_address(host)
    except ValueError:
        labels = host.removesuffix(".").split(".")
        if (
            len(labels) < 2  # a name and a top level
            or not all(LABEL.match(label) for label in labels)
            or labels[-1].isdigit()
        ):
            return f"has a host that is not a domain name: {host!r}"
    return None


def broken(page, target):
    """
    Why the link *target* of *page* goes nowhere, or None.
    """
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
        return well_formed_url(target)
    path, _, anchor = target.partition("#")
    file = (page.parent / unquote(path)).resolve() if path else page
    if not file.is_relative_to(ROOT):
        return f"{path} is outside the repository"
    if not file.is_file():
        return f"{path} is not a file of the repository"
    return _anchor_problem(file, unquote(anchor)) if anchor else None


def _anchor_problem(file, anchor):
    """
    Why *anchor* is not a place in *file*, or None.
    """
    if file.suffix == ".md":
        known = anchors(file)
    elif file.suffix in (".html", ".htm"):
        known = _Ids(file.read_text(encoding="utf-8")).ids
    else:
        return f"#{anchor}: {file.name} has no anchors"
    if anchor not in known:
        return f"#{anchor} is not a heading of {file.relative_to(ROOT)}"
    return None


def problems(page):
    """
    Each broken link of *page*: where it is, its target, and why.
    """
    return [
        f"{page.relative_to(ROOT)}:{line}: {target}: {why}"
        for target, line in targets(page.read_text(encoding="utf-8"))
        if (why := broken(page, target)) is not None
    ]


class TestLinks:
    """
    The README's and the docs' links.
    """

    @pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
    def test_every_link_goes_somewhere(self, page):
        """
        Every relative link names a file and heading that exist, and every
        absolute link is a well-formed http(s) URL.
        """
        assert [] == problems(page)

    def test_pages_have_links(self):
        """
        The check sees the links: the README links the docs, and a page
        links another's heading.
        """
        readme = [
            t for t, _ in targets((ROOT / "README.md").read_text("utf-8"))
        ]
        every = [
            t
            for page in PAGES
            for t, _ in targets(page.read_text(encoding="utf-8"))
        ]

        assert "docs/cli.md" in readme
        assert any(t.startswith("https://") for t in readme)
        assert any(re.fullmatch(r"\w[\w-]*\.md#[\w-]+", t) for t in every)
        assert "report/el_salvador.html" in every


class TestDocumentationParagraph:
    """
    The README's "Documentation" paragraph lists the pages, once each,
    and says each thing once.
    """

    @staticmethod
    def paragraph():
        """
        The text of the README's Documentation section.
        """
        text = (ROOT / "README.md").read_text(encoding="utf-8")
        start = text.index("\n## Documentation\n")
        end = text.index("\n## ", start + 1)
        return text[start:end]

    def test_each_page_once(self):
        """
        The paragraph links pages of docs/, the main ones, none twice.
        """
        linked = [t for t, _ in targets(self.paragraph())]

        assert len(linked) == len(set(linked))
        assert all(re.fullmatch(r"docs/[\w-]+\.md", t) for t in linked)
        assert {
            "docs/tutorial.md",
            "docs/storage.md",
            "docs/cli.md",
            "docs/reports.md",
            "docs/api.md",
            "docs/errors.md",
        } <= set(linked)

    def test_no_sentence_repeated(self):
        """
        No sentence of the paragraph is said twice.
        """
        words = " ".join(self.paragraph().split())
        sentences = [s for s in re.split(r"(?<=[.;:])\s+", words) if s]

        assert len(sentences) == len(set(sentences))


class TestTheCheck:
    """
    The link check itself finds what is broken and passes what is not.
    """

    @pytest.mark.parametrize(
        ("target", "why"),
        [
            ("docs/nowhere.md", "not a file"),
            ("docs/cli.md#no-such-heading", "not a heading"),
            ("docs", "not a file"),
            ("../outside.md", "outside the repository"),
            ("README.md#reports", None),
            ("#the-command-line", None),
            ("#nothing-here", "not a heading"),
            ("docs/report/el_salvador.html#claim-1", None),
            ("docs/report/el_salvador.html#claim-0", "not a heading"),
            ("pyproject.toml#x", "has no anchors"),
            ("https://www.attrs.org/", None),
            ("http://127.0.0.1:8000/x", None),
            ("https://example.org/a%20b", None),
            ("https://example.org/a%zz", "escapes nothing"),
            ("https:/example.org", "no host"),
            ("https://exa mple.org", "white space"),
            ("https://example", "not a domain name"),
            ("https://ex_ample.org", "not a domain name"),
            ("https://example.123", "not a domain name"),
            ("https://example.org:http/", "port"),
            ("https://example.org:0/", "port 0"),
            ("ftp://example.org/x", "scheme 'ftp'"),
            ("mailto:someone@example.org", "scheme 'mailto'"),
        ],
    )
    def test_targets(self, target, why):
        """
        Each kind of target is judged as it should be.
        """
        found = broken(ROOT / "README.md", target)

        if why is None:
            assert found is None
        else:
            assert why in found

    def test_reads_links_as_commonmark_does(self):
        """
        Inline, reference and auto links count; code and roles are read.
        """
        text = (
            "See [a](a.md), [b][ref], <https://x.example/y> and `[c](c.md)`."
            "\n\n```\n[d](d.md)\n```\n\n{doc}`api` and "
            "{download}`the report <report/r.html>`.\n\n[ref]: b.md#top\n"
        )

        assert [
            ("a.md", 1),
            ("b.md#top", 1),
            ("https://x.example/y", 1),
            ("api.md", 7),
            ("report/r.html", 7),
        ] == targets(text)

    def test_anchors_as_myst_and_github_make_them(self, tmp_path):
        """
        Headings become GitHub-style slugs, repeated ones numbered; docs
        pages anchor three levels, the README all six.
        """
        text = (
            "# The `ct.Tracker` API\n\n## Saving & loading\n\n"
            "## Saving & loading\n\n#### Deep\n"
        )
        (tmp_path / "docs").mkdir()
        page = tmp_path / "docs" / "page.md"
        page.write_text(text, encoding="utf-8")
        readme = tmp_path / "README.md"
        readme.write_text(text, encoding="utf-8")

        assert {
            "the-cttracker-api",
            "saving--loading",
            "saving--loading-1",
        } == anchors(page)
        assert anchors(page) | {"deep"} == anchors(readme)

    @given(
        st.from_regex(
            r"https?://[a-z][a-z0-9]{0,10}(\.[a-z][a-z0-9]{0,10}){1,3}"
            r"(:[1-9][0-9]{0,3})?(/[A-Za-z0-9._~-]{0,8}){0,3}",
            fullmatch=True,
        )
    )
    def test_well_formed_urls_pass(self, url):
        """
        Any http(s) URL with a domain, a port and a plain path passes.
        """
        assert well_formed_url(url) is None

    @given(
        st.from_regex(
            r"https://[a-z]{1,8}\.example/[a-z0-9/]{0,12}", fullmatch=True
        ),
        st.sampled_from(" \t\n\u00a0\u2003"),
        st.data(),
    )
    def test_white_space_fails(self, url, space, data):
        """
        A URL with white space put anywhere in it fails.
        """
        at = data.draw(st.integers(0, len(url)))

        assert "has white space" == well_formed_url(
            url[:at] + space + url[at:]
        )
