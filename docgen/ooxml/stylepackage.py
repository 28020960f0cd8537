"""A Word file opened as a package, for reading a house style: what is not Word's (old
97-2003, password protected) refused first, a damaged zip or part named as damaged (with
what to do), parts read with a size limit, relationships looked up, and the main document
part found (a macro-enabled file refused). :mod:`docgen.ooxml.housestyle` reads the
styles, theme, headers and footers through it."""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from io import BytesIO

from lxml import etree

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
MAX_STYLE_XML_BYTES = 10_000_000
#: files that are often given a .docx name by mistake: how they start, and what they are
OTHER_KINDS = ((b"%PDF", "a PDF"), (b"{\\rtf", "a Rich Text (RTF) file"),
               (b"MIME-Version", "a Word web page (.mht)"), (b"<html", "a web page (HTML)"),
               (b"<!DOCTYPE html", "a web page (HTML)"), (b"<?xml", "an XML file (such as a "
               "Word 2003 XML document)"))
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class HouseStyleError(ValueError):
    """The file cannot be used as a house style; the message says why and what to do."""


def sniff(name: str, data: bytes) -> None:
    """Refuse what is not an Office Open XML package before opening it as a zip."""
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_MARK in data:
            raise HouseStyleError(f"{name} is protected with a password; docgen cannot read "
                                  "it. Save a copy without the password (Word: File > Info > "
                                  "Protect Document > Encrypt with Password, clear it) and "
                                  "name that copy")
        raise HouseStyleError(f"{name} is an old Word 97-2003 file (.doc/.dot); open it in "
                              "Word and save it as a Word Document (.docx)")
    if not data.startswith(b"PK"):
        kind = next((k for magic, k in OTHER_KINDS
                     if data.lstrip()[:len(magic)].lower() == magic.lower()),
                    None)
        made = f" (it is {kind} with a Word file's name)" if kind else ""
        raise HouseStyleError(f"{name} is not a Word file{made}; name a .docx or .dotx saved "
                              "from Word (the organisation's letterhead or template)"
                              + ("; open the original in Word and save it as a Word "
                                 "Document (.docx)" if kind else ""))


def parse_part(name: str, part: str, data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise HouseStyleError(f"{name}: its part {part} is damaged ({exc}); open the file "
                              "in Word and save it again") from None


def damaged(name: str, what: str) -> str:
    """A Word file whose bytes are broken: Word repairs it when it opens and saves it."""
    return (f"{name} is damaged ({what}); open it in Word and save it again (or copy it "
            "again from where it came from)")


def open_zip(name: str, data: bytes) -> zipfile.ZipFile:
    """The package's zip directory; a file that starts like a zip but is cut short or
    broken is *damaged* (open it in Word and save it again), anything else not Word's."""
    try:
        return zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        if data.startswith(b"PK"):
            raise HouseStyleError(damaged(name, f"cut short, or its zip directory is broken: "
                                               f"{exc}")) from None
        raise HouseStyleError(f"{name} is not a Word file ({exc}); name a .docx or "
                              ".dotx saved from Word") from None


class Package:
    """The zip's parts, read lazily, with relationship lookup."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.zip = open_zip(name, data)
        self.names = set(self.zip.namelist())

    def read(self, part: str, limit: int = MAX_STYLE_XML_BYTES) -> bytes:
        info = self.zip.getinfo(part)
        if info.file_size > limit:
            raise HouseStyleError(f"{self.name}: part {part} is {info.file_size:,} bytes "
                                  f"(limit {limit:,}); use a smaller file")
        try:
            return self.zip.read(part)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
            # corrupt deflate data, a bad CRC, a part cut short: the zip's directory is whole
            raise HouseStyleError(damaged(self.name, f"{part} cannot be read")) from None

    def xml(self, part: str) -> etree._Element:
        return parse_part(self.name, part, self.read(part))

    def rels(self, part: str) -> list[tuple[str, str, str, bool]]:
        """(id, type, target part or URL, external) of ``part``'s relationships."""
        folder, base = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        if rels_part not in self.names:
            return []
        out = []
        for rel in self.xml(rels_part):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            if not external:
                target = (target.lstrip("/") if target.startswith("/")
                          else posixpath.normpath(posixpath.join(folder, target)))
            out.append((rel.get("Id", ""), rel.get("Type", ""), target, external))
        return out


def main_part(pkg: Package) -> str:
    if "word/vbaProject.bin" in pkg.names or any(n.endswith("vbaProject.bin")
                                                 for n in pkg.names):
        raise _macro_error(pkg.name)
    if "[Content_Types].xml" not in pkg.names:
        kind = opendocument_kind(pkg)
        if kind is not None:  # an .odt renamed .docx: say what it is, whatever its name
            raise HouseStyleError(f"{pkg.name} is not a Word file (it is {kind} with a Word "
                                  "file's name); open it in LibreOffice (or Word) and save a "
                                  "copy as a Word Document (.docx), then name that")
        raise HouseStyleError(f"{pkg.name} is not a Word file (no content types); name a "
                              ".docx or .dotx saved from Word")
    types = pkg.xml("[Content_Types].xml")
    main = [t.get("PartName", "").lstrip("/") for t in types
            if "wordprocessingml" in t.get("ContentType", "") and t.get("ContentType", "")
            .endswith((".document.main+xml", ".template.main+xml"))]
    if any("macroEnabled" in t.get("ContentType", "") for t in types):
        raise _macro_error(pkg.name)
    if not main or main[0] not in pkg.names:
        raise HouseStyleError(f"{pkg.name} is not a Word document (no main document part); "
                              "name a .docx or .dotx saved from Word")
    return main[0]


#: an OpenDocument file's ``mimetype`` part, and what to call it
ODF_KINDS = (("application/vnd.oasis.opendocument.text-template", "an OpenDocument template "
              "(.ott)"), ("application/vnd.oasis.opendocument.text", "an OpenDocument text "
                          "file (.odt)"), ("application/vnd.oasis.opendocument.",
                                           "an OpenDocument file"))


def opendocument_kind(pkg: Package) -> str | None:
    """What an OpenDocument (LibreOffice) file is, from its ``mimetype`` part, or None."""
    if "mimetype" not in pkg.names:
        return None
    try:
        mimetype = pkg.read("mimetype", 200).decode("ascii", "replace").strip()
    except HouseStyleError:
        return None
    return next((kind for prefix, kind in ODF_KINDS if mimetype.startswith(prefix)), None)


def _macro_error(name: str) -> HouseStyleError:
    return HouseStyleError(f"{name} is a macro-enabled Word file (.docm/.dotm); docgen does "
                           "not open files with macros. Save a copy as a Word Document "
                           "(.docx) or Word Template (.dotx) and name that")
