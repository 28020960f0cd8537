"""Stage 4: fill a Word template (docxtpl syntax) with the clauses and facts of one post.

Templates are compiled once per process and reused: docxtpl itself recompiles
the whole document XML on every render, which is most of its cost. We reuse
docxtpl's own tag clean-up (``patch_xml``) so templates keep docxtpl's syntax
(``{{ }}``, ``{%p %}``, ``{%tr %}``), but render with our sandboxed, escaping
environment and check every part is well-formed before it is written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

import docgen.word
from docgen.answers.kinds import BY_KIND, KINDS
from docgen.clauses.engine import environment, text_cached
from docgen.clauses.render import RenderedDocument
from docgen.clauses.sandbox import RememberingSandbox
from docgen.errors import DocgenError
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words
from docgen.facts.people import Placeholder, gap_or_value
from docgen.ooxml import drafting_notes, paragraph_lines, wordml, zipfiles
from docgen.ooxml.readback import MAIN_PART, READ_PARTS
from docgen.ooxml.wordml import Element
from docgen.resources import BUILTIN_TEMPLATES
from docgen.word.templatecache import cache_folder, compile_part, prepared
from docgen.word.wording import wording

if TYPE_CHECKING:  # house styles load when a post has one (docgen.word.__getattr__)
    import docgen.word.styling
    from docgen.ooxml.housestyle import HouseStyle

TEMPLATE_DIR = BUILTIN_TEMPLATES
DOC_TITLES: dict[str, str] = {k.kind: k.title for k in KINDS}
#: in the job specification, clauses from this order on (special conditions, version) are
#: administrative and print after the key responsibilities and person specification tables
TAIL_FROM_ORDER = {"job_spec": 1000}
#: the parts rendered through Jinja are exactly those read-back verification reads, so
#: the parts parsed here can stand in for reading the zip
RENDERED_PARTS = READ_PARTS


@text_cached
def _finalize(value: Any) -> Any:
    """Values printed into Word XML: escaped; placeholders and line breaks get runs."""
    value = gap_or_value(value)
    if isinstance(value, Placeholder):
        return Markup(wordml.text_run_xml(str(value), wordml.PLACEHOLDER_STYLE))
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    text = str(escape(str(value)))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", wordml.TAB_XML)
    return Markup(text.replace("\n", wordml.LINE_BREAK_XML))


def make_env() -> ImmutableSandboxedEnvironment:
    env = RememberingSandbox(autoescape=True, undefined=StrictUndefined, finalize=_finalize)
    env.filters["join_words"] = join_words
    return env


@dataclass
class CompiledTemplate:
    """A template's zip members, with the Jinja parts compiled once."""

    path: Path
    members: list[tuple[str, bytes]]
    compiled: dict[str, Any]
    sha256: str
    packed: dict[str, zipfiles.Packed]  # parts that never change, deflated once

    def render(self, context: dict[str, Any], core: bytes,
               comments: list[wordml.NoteText]) -> tuple[bytes, dict[str, Element]]:
        """The .docx bytes, and the rendered parts as parsed when checked well-formed."""
        out: list[tuple[str, bytes] | zipfiles.Packed] = []
        parsed: dict[str, Element] = {}
        for name, data in self.members:
            if name in self.packed and not (comments and name in drafting_notes.COMMENT_LINKED):
                out.append(self.packed[name])
                continue
            if name in self.compiled:
                try:
                    xml = self.compiled[name].render(context)
                except TemplateError as exc:
                    raise DocgenError(f"{self.path} ({name}): {exc}") from None
                try:  # (a character UTF-8 cannot encode is a ValueError too)
                    data = paragraph_lines.paragraphs_joined_utf8(xml)  # no compiled breaks
                    parsed[name] = wordml.check_well_formed(data, f"{self.path.name}:{name}")
                except ValueError as exc:
                    raise DocgenError(str(exc)) from None
            elif name == "docProps/core.xml":
                data = core
            out.append((name, data))
        return zipfiles.write_zip(drafting_notes.add_comments_part(out, comments)), parsed


def load_template(path: Path, style: HouseStyle | None = None) -> CompiledTemplate:
    """Read and compile a template once while its file is unchanged (a long-running
    server sees a template edited in Word), once per house style applied to it."""
    try:
        st = path.stat()
    except OSError:
        raise DocgenError(f"template {path} is missing; reinstall docgen, or run "
                          "`python scripts/build_templates.py` in a checkout") from None
    return _compiled_template(path, st.st_mtime_ns, st.st_size, style)


@lru_cache(maxsize=48)  # three templates in docgen's own style and a few house styles
def _compiled_template(path: Path, mtime_ns: int, size: int,
                       style: HouseStyle | None = None) -> CompiledTemplate:
    """(cached per template file and house-style file hash: HouseStyle compares by hash)"""
    raw = path.read_bytes()
    env = make_env()
    cache = environment().bytecode_cache  # the command line's cache folder, if it chose one
    folder = cache_folder(cache)
    members, compiled = [], {}
    template = [(info.filename, data) for info, data in zipfiles.read_zip(raw)]
    read = template if style is None else docgen.word.styling.apply_house_style(template, style)
    for filename, data in read:
        members.append((filename, data))
        if RENDERED_PARTS.match(filename):
            xml = prepared(data.decode("utf-8"), folder)
            try:
                compiled[filename] = compile_part(env, xml, cache)
            except TemplateError as exc:
                raise DocgenError(f"{path} ({filename}): template error: {exc}") from None
    # a part no house style changed is copied as the template stores it, not deflated again
    stored, unchanged = zipfiles.stored_deflated(raw), dict(template)
    static = {name: stored[name] if name in stored and unchanged.get(name) == data
              else zipfiles.pack(name, data) for name, data in members
              if name not in compiled and name != "docProps/core.xml"}
    return CompiledTemplate(path=path, members=members, compiled=compiled,
                            sha256=hashlib.sha256(raw).hexdigest(), packed=static)


def doc_title(f: Facts, kind: str) -> str:
    """The document's title: the individual's document is a variation or a new contract."""
    return f.contract_title if kind == "contract" and f.contract_title else DOC_TITLES[kind]


def schedules(f: Facts, kind: str = "agreement",
              template_dir: Path = TEMPLATE_DIR) -> SimpleNamespace:
    """Rows of the schedule tables; every figure comes from ``Facts``, every word of
    docgen's from the templates' wording file (:mod:`docgen.word.wording`).

    A job specification for a post being recruited to advertises the post, so it has no
    post-holder row; elsewhere a vacant post reads "to be appointed", not a placeholder.
    """
    ns, w = SimpleNamespace, wording(template_dir)
    post, m = f.post, f.money
    post_rows = [ns(label=w["post.title"], value=post["title"])]
    if post["grade"]:
        post_rows.append(ns(label=w["post.grade"], value=post["grade"]))
    if post["pay_range_text"]:
        post_rows.append(ns(label=w["post.pay_range"], value=post["pay_range_text"]))
    known = kind == "job_spec"  # candidates read the names bodies are known by
    post_rows += [  # and the employer's corporate name beside it, as it employs in that name
        ns(label=w["post.employer"],
           value=f.employer.common_and_legal_name if known else f.employer.name),
        ns(label=w["post.partners"],
           value=join_words([str(gap_or_value(p.common_name if known else p.name))
                             for p in f.others])),
    ]
    if f.postholder["present"]:
        post_rows.append(ns(label=w["post.postholder"], value=f.postholder["name"]))
    elif kind != "job_spec":
        post_rows.append(ns(label=w["post.postholder"], value=w["post.to_be_appointed"]))
    post_rows += [
        ns(label=w["post.start_date"], value=post["start_date_text"]),
        ns(label=w["post.end_date"], value=post["end_date_text"] or w["post.open_ended"]),
        ns(label=w["post.hours"], value=w["post.hours_value"].format(
            hours=post["hours_text"], days=post["days_text"])),
        ns(label=w["post.time_split"], value="; ".join(f"{p.short_name} {p.time_text}"
                                                       for p in f.parties)),
        ns(label=w["post.places"], value="; ".join(f"{x['site']} ({x['party'].short_name})"
                                                   for x in post["locations"])),
        ns(label=w["post.politically_restricted"],
           value=w["post.restricted_yes"] if post["politically_restricted"]
           else w["post.restricted_no"]),
    ]
    for role in post["statutory_roles"]:  # designated, or appointed (Wales)
        post_rows.append(ns(label=w["post.statutory_role"],
                            value=w["post.statutory_role_value"].format(
                                role=role["role"], party=role["party"].name)))
    cost_rows = [ns(label=w["costs.salary"], value=m.salary_text)]
    if m.premium:
        cost_rows.append(ns(label=w["costs.premium"].format(percent=m.premium_percent_text),
                            value=m.premium_text))
    cost_rows += [ns(label=oc.label, value=oc.text) for oc in m.on_costs]
    cost_rows.append(ns(label=w["costs.total"], value=m.cost_base_text))
    a = f.answers
    objective_rows = [ns(party=w["shared"], objective=o)
                      for o in a.governance.objectives.get("shared", [])]
    responsibility_rows = [ns(party=w["shared"], responsibility=r)
                           for r in a.job.responsibilities.get("shared", [])]
    for p in f.parties:
        objective_rows += [ns(party=p.short_name, objective=o) for o in p.objectives]
        responsibility_rows += [ns(party=p.short_name, responsibility=r)
                                for r in p.responsibilities]
    return ns(
        post_rows=post_rows,
        split_rows=[ns(party=p.name, share=p.time_text if f.split_unit == "percent"
                       else f"{p.time_text} ({p.percent_text})",
                       days=p.days_text, line_manager=p.line_manager) for p in f.parties],
        matrix_rows=[ns(**row) for row in f.matrix],
        cost_rows=cost_rows,
        share_rows=[ns(party=p.name, basis=p.basis_text, annual=p.annual_text,
                       per_invoice=p.per_invoice_text) for p in f.parties],
        share_total=m.cost_base_text,
        objective_rows=objective_rows,
        responsibility_rows=responsibility_rows,
        person_spec_rows=[ns(**row) for row in f.person_spec],
    )


def template_context(f: Facts, kind: str, doc: RenderedDocument, notes: list[wordml.NoteText],
                     body: str, body_tail: str = "",
                     template_dir: Path = TEMPLATE_DIR) -> dict[str, Any]:
    w = wording(template_dir)
    return {
        "reference": f.reference, "version": f.version, "is_draft": f.is_draft,
        "doc_title": doc_title(f, kind), "post_title": f.post["title"],
        "individual": f.individual,
        "date_text": f.date_text, "employer": f.employer,
        # the contract is signed by the employer first, then acknowledged by the hosts
        # an integration joint board that signs the agreement is named and signs after them
        "parties": [f.employer, *f.others] if kind == "contract" else f.parties + (
            [f.legal.ijb_party] if kind == "agreement" and f.legal and f.legal.ijb_party
            else []),
        "postholder": SimpleNamespace(**f.postholder),
        "body": Markup(body),
        "body_tail": Markup(body_tail),
        "notes_body": Markup(drafting_notes.note_paragraphs(w["headings.notes"], notes)),
        "contents_body": Markup(wordml.contents_xml(
            w["headings.contents"], [rc.paras[0] for rc in doc.clauses], doc.refs)),
        "schedules": schedules(f, kind, template_dir),
        # signed under the Execution clause's testing clause (Scotland), not a signature
        # page: only when that clause is in the document (an overlay may leave it out)
        "self_proving": bool(f.legal and f.legal.self_proving) and any(
            rc.clause.id == "agreement.execution" for rc in doc.clauses),
    }


@dataclass
class Filled:
    """One finished document: its .docx bytes, its template's hash, and the parts a
    reader sees (main part, then headers and footers by part name) as parsed from the
    very bytes zipped, for read-back verification."""

    data: bytes
    template_sha256: str
    parts: tuple[Element, list[Element]] | None


def fill_document(f: Facts, kind: str, doc: RenderedDocument, notes: list[wordml.NoteText],
                  template_dir: Path = TEMPLATE_DIR, style: HouseStyle | None = None
                  ) -> Filled:
    """The finished document, with its parsed parts (see :class:`Filled`); ``style``: the
    issuing organisation's house style, applied to the template (None: docgen's own)."""
    template = load_template((template_dir / BY_KIND[kind].template).resolve(), style)
    tail_from = TAIL_FROM_ORDER.get(kind)
    split = sum(len(rc.paras) for rc in doc.clauses
                if tail_from is None or rc.clause.order < tail_from)
    body, body_tail, comments = wordml.body_parts(doc.paras, doc.refs, split)
    context = template_context(f, kind, doc, notes, body, body_tail, template_dir)
    core = wordml.core_properties(f"{doc_title(f, kind)}: {f.post['title']}", f.reference,
                                 f"docgen {kind} {f.reference} version {f.version}")
    data, parsed = template.render(context, core, comments)
    main = parsed.pop(MAIN_PART, None)  # None: not a Word template; verifying says so
    parts = (main, [parsed[k] for k in sorted(parsed)]) if main is not None else None
    return Filled(data, template.sha256, parts)
