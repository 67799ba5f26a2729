"""EPUB container: container.xml → OPF → spine, read safely, then handed to the right reader.

The spine (not the manifest order or file names) gives reading order. The flavour is decided by
content: AO3 (publisher or the "Posted originally" message), FanFicFare (contributor, fff_
classes), else the generic EPUB reader.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from ficlens.errors import InputError
from ficlens.ingest.safezip import SafeZip, resolve

_XML = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass
class Epub:
    opf: dict[str, Any]
    spine: list[tuple[str, LexborHTMLParser]]  # (archive path, parsed document)
    generator: str | None = None
    toc: list[str] = field(default_factory=list)


def _xml(data: bytes, label: str, what: str):
    try:
        root = etree.fromstring(data, parser=_XML)
    except (etree.XMLSyntaxError, ValueError) as err:
        raise InputError(label, f"unreadable {what} in EPUB ({err})") from None
    if root is None:
        raise InputError(label, f"empty or unreadable {what} in EPUB")
    return root


def _local(root, name: str) -> list:
    return root.xpath(f"//*[local-name()='{name}']")


def _texts(root, name: str) -> list[str]:
    texts = (" ".join("".join(e.itertext()).split()) for e in _local(root, name))
    return [t for t in texts if t]


def decode_markup(data: bytes) -> str:
    """XHTML bytes to str: UTF-8 (the EPUB rule), else cp1252 as the common mistake."""
    for codec in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def open_epub(zf: SafeZip) -> Epub:
    label = zf.label
    if not zf.has("META-INF/container.xml"):
        raise InputError(label, "not a valid EPUB: META-INF/container.xml is missing")
    container = _xml(zf.read("META-INF/container.xml"), label, "container.xml")
    rootfiles = [e.get("full-path") for e in _local(container, "rootfile") if e.get("full-path")]
    if not rootfiles:
        raise InputError(label, "not a valid EPUB: container.xml names no OPF package")
    opf_path = resolve("", rootfiles[0])
    if opf_path is None:
        raise InputError(label, f"refusing OPF path {rootfiles[0]!r} that leaves the archive")
    if not zf.has(opf_path):
        raise InputError(label, f"not a valid EPUB: the OPF package {opf_path!r} is missing")
    opf = _xml(zf.read(opf_path), label, "OPF package")
    base = posixpath.dirname(opf_path)

    manifest: dict[str, tuple[str, str, str]] = {}
    for item in _local(opf, "item"):
        href = item.get("href") or ""
        target = resolve(base, href)
        if target is None and href:
            raise InputError(label, f"refusing manifest entry {href!r} that leaves the archive")
        manifest[item.get("id") or ""] = (target or "", item.get("media-type") or "",
                                          item.get("properties") or "")
    spine_ids = [ref.get("idref") for ref in _local(opf, "itemref") if ref.get("linear", "yes") != "no"]
    if not spine_ids:
        raise InputError(label, "not a valid EPUB: the OPF has an empty spine")

    docs: list[tuple[str, LexborHTMLParser]] = []
    for idref in spine_ids:
        if idref not in manifest:
            raise InputError(label, f"EPUB spine item {idref!r} is not in the manifest")
        path, _media, props = manifest[idref]
        if "nav" in props.split():
            continue
        if not zf.has(path):
            raise InputError(label, f"EPUB spine item {path!r} is missing from the archive")
        docs.append((path, LexborHTMLParser(decode_markup(zf.read(path)))))

    meta = {
        "title": (_texts(opf, "title") or [None])[0],
        "creators": _texts(opf, "creator"),
        "contributors": _texts(opf, "contributor"),
        "language": (_texts(opf, "language") or [None])[0],
        "publisher": (_texts(opf, "publisher") or [None])[0],
        "subjects": _texts(opf, "subject"),
        "description": (_texts(opf, "description") or [None])[0],
        "identifiers": _texts(opf, "identifier"),
        "sources": _texts(opf, "source"),
        "dates": {(e.get("{http://www.idpf.org/2007/opf}event") or e.get("event") or "date"):
                  "".join(e.itertext()).strip() for e in _local(opf, "date")},
        "metas": {e.get("name"): e.get("content") for e in _local(opf, "meta") if e.get("name")},
    }
    generator, toc = None, []
    ncx_ids = [i for i, (_, media, _) in manifest.items() if media == "application/x-dtbncx+xml"]
    if ncx_ids and zf.has(manifest[ncx_ids[0]][0]):
        try:
            ncx = _xml(zf.read(manifest[ncx_ids[0]][0]), label, "toc.ncx")
            generator = next((m.get("content") for m in _local(ncx, "meta")
                              if m.get("name") == "dtb:generator"), None)
            toc = [" ".join("".join(t.itertext()).split()) for t in
                   ncx.xpath("//*[local-name()='navLabel']/*[local-name()='text']")]
        except InputError:
            pass
    return Epub(meta, docs, generator, toc)


def flavour(epub: Epub) -> str:
    meta = epub.opf
    if any("fanficfare" in c.lower() for c in meta["contributors"]) or any(
            posixpath.basename(p) == "title_page.xhtml" for p, _ in epub.spine):
        return "fanficfare-epub"
    for _, doc in epub.spine[:4]:
        if doc.css_first("[class^='fff_'], [class*=' fff_']") is not None:
            return "fanficfare-epub"
    if (meta["publisher"] or "").strip() == "Archive of Our Own":
        return "ao3-epub"
    for _, doc in epub.spine[:3]:
        message = doc.css_first("p.message")
        if message is not None and "Posted originally on the" in message.text():
            return "ao3-epub"
    return "epub"


def description_text(description: str | None) -> str | None:
    """dc:description is escaped HTML: unescape, then keep its text."""
    if not description:
        return None
    tree = LexborHTMLParser(html.unescape(description) if "&lt;" in description else description)
    from ficlens.ingest.blocks import blocks_text, extract

    text = blocks_text(extract(tree.body))
    return text or None
