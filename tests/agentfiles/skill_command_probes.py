"""The skill and slash-command probes Claude Code 2.1.332 was run on, with its verdicts.

Each probe is written here by us from the probe table of the reference (§4 of
skills-commands-loader.md): what the file holds, where it sits, and what Claude Code did with
it in a project: ``fails`` (never loaded), ``changed`` (loaded, but some written value is
dropped or replaced) or ``loads`` (loaded as written). The tests and
``bench/skills_commands_fidelity.py`` both read this table; nothing reads the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FAILS, CHANGED, LOADS = "fails", "changed", "loads"
MIB = 1_048_576


@dataclass(frozen=True)
class Probe:
    id: str
    what: str
    data: bytes
    verdict: str  # Claude Code's verdict for the project scope
    path: str = ""  # below the project folder; default: the probe's skill or command
    note: str = ""  # why our expectation is not the oracle's word, when it is not

    @property
    def rel(self) -> str:
        if self.path:
            return self.path
        if self.id.startswith("s"):
            return f".claude/skills/{self.id}/SKILL.md"
        return f".claude/commands/{self.id}.md"

    def write(self, root: Path) -> Path:
        path = root / self.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.data)
        return path


def fm(*lines: str, body: str = "Body\n", eol: str = "\n") -> bytes:
    return eol.join(["---", *lines, "---", body]).encode()


def sized(total: int, description: str) -> bytes:
    head = f"---\ndescription: {description}\n---\n".encode()
    return head + b"x" * (total - len(head))


HOOK = ["PreToolUse:", "  - matcher: Bash", "    hooks:", "      - type: command",
        "        command: echo hi"]

PROBES: list[Probe] = [
    Probe("s01", "valid: name = dir, description", fm("name: s01", "description: S01 ok skill"), LOADS),
    Probe("s02", "unterminated \" in description", fm('description: "S02 unterminated',
                                                      body="# S02 heading from body\n"), CHANGED),
    Probe("s03", "unquoted ': ' in description (LF)", fm("description: S03 Use when: x"), LOADS),
    Probe("s04", "no frontmatter", b"S04 first body line, no frontmatter\n", LOADS),
    Probe("s05", "CRLF + unquoted ': '", fm("description: S05 Use when: x", body="S05 body line\r\n",
                                            eol="\r\n"), CHANGED),
    Probe("s06", "frontmatter name differs from dir", fm("name: Fancy Display", "description: S06 named"), LOADS),
    Probe("s07", "description: 42", fm("description: 42"), LOADS),
    Probe("s08", "description ends in ':'", fm("description: S08 Examples:", body="S08 body line\n"), CHANGED),
    Probe("s09", "user-invocable: false", fm("description: S09 hidden", "user-invocable: false"), LOADS),
    Probe("s10", "paths: (conditional skill)", fm("description: S10 paths", 'paths: ["src/**/*.py"]'), LOADS),
    Probe("s11", "disable-model-invocation: true", fm("description: S11 dmi", "disable-model-invocation: true"), LOADS),
    Probe("s12", "no description, 130-char first body line", fm("name: s12", body="S12 " + "x" * 126 + "\n"), LOADS),
    Probe("s13", "empty file", b"", LOADS),
    Probe("s14", "1,048,577 bytes", sized(MIB + 1, "S14 big"), FAILS),
    Probe("s15", "exactly 1,048,576 bytes", sized(MIB, "S15 one mib"), FAILS),
    Probe("s16", "file named skill.md (lower case)", fm("description: S16 lower"), FAILS,
          ".claude/skills/s16/skill.md"),
    Probe("s17", "dir name with a trailing space", fm("description: S17 space"), FAILS,
          ".claude/skills/s17 /SKILL.md"),
    Probe("s18", "dir name with two spaces inside", fm("description: S18 spaces"), FAILS,
          ".claude/skills/s18  x/SKILL.md"),
    Probe("s19", "frontmatter is a list", fm("- a", "- b", body="S19 body line\n"), CHANGED),
    Probe("s20", 'description: ""', fm('description: ""', body="S20 body line\n"), CHANGED),
    Probe("s21", "description: | block", fm("description: |", "  S21 line one", "  line two"), LOADS),
    Probe("s22", "description of 2,000 characters", fm("description: S22 " + "d" * 1996), LOADS),
    Probe("s23", "top-level PreToolUse", fm("description: S23 hooks", "allowed-tools: Read", *HOOK), CHANGED),
    Probe("s24", "hooks: []", fm("description: S24 hooks list", "hooks: []"), CHANGED),
    Probe("s25", "UTF-8 BOM", b"\xef\xbb\xbf" + fm("description: S25 bom"), LOADS),
    Probe("s26", "CR-only line endings", fm("description: S26 cr", body="S26 body\r", eol="\r"), CHANGED),
    Probe("s27", "'---' inside the description", fm("description: S27 use this --- carefully"), CHANGED,
          note="the oracle says loads: it cannot see the cut, but the description loads as "
               "`S27 use this`, not as written"),
    Probe("s28", "argument-hint: [x] (a YAML list)", fm("description: S28 hint", "argument-hint: [file]"), LOADS),
    Probe("s29", "when_to_use only", fm("when_to_use: S29 when", body="S29 body\n"), LOADS),
    Probe("s30", "description and when_to_use", fm("description: S30 d", "when_to_use: S30 w"), LOADS),
    Probe("s31", "description is a list", fm("description:", "  - S31 a", body="S31 body\n"), CHANGED),
    Probe("s32", "frontmatter name of 300 characters", fm("name: " + "n" * 300, "description: S32 long name"), CHANGED),
    Probe("s33", "frontmatter name with '<'", fm("name: a<b", "description: S33 lt name"), CHANGED),
    Probe("s34", "dir named 'synced'", fm("description: S34 synced"), FAILS, ".claude/skills/synced/SKILL.md"),
    Probe("s35", "description with <example> and a \\n escape",
          fm('description: "S35 <example>a</example>\\nnext"'), LOADS),
    Probe("s36", "invalid effort", fm("description: S36 effort", "effort: extreme"), CHANGED),
    Probe("s37", "name: a:b in frontmatter", fm("name: a:b", "description: S37 colon name"), LOADS),
    Probe("s38", "no closing ---, '---' rule later in the body",
          b"---\ndescription: S38 x\n\n# S38 heading\n\ntext: more: here\n\n---\n\nMore body\n", LOADS),
    Probe("s39", "no closing --- and no later ---", b"---\ndescription: S39 x\nS39 body\n", CHANGED),
    Probe("s40", "invalid UTF-8 byte", b"---\ndescription: S40 bad \xff byte\n---\nBody\n", LOADS),
    Probe("s41", "dir name with ':'", fm("description: S41 colon dir"), LOADS, ".claude/skills/s41:x/SKILL.md"),
    Probe("s42", "dir name 'anthropic-skills'", fm("description: S42 reserved"), FAILS,
          ".claude/skills/anthropic-skills/SKILL.md"),
    Probe("s43", "multi-line description, unindented <example> lines",
          fm("description: S43 first", "<example>", "Context: x", "</example>", body="S43 body\n"), CHANGED),
    Probe("s44", "user-invocable: false + disable-model-invocation: true",
          fm("description: S44 both", "user-invocable: false", "disable-model-invocation: true"), LOADS),
    Probe("s45", "user-invocable: no (string)", fm("description: S45 no", "user-invocable: no"), LOADS),
    Probe("s46", "exactly 1,000,000 bytes", sized(1_000_000, "S46 1e6"), LOADS),
    Probe("s47", "1,000,001 bytes", sized(1_000_001, "S47 big"), FAILS),
    Probe("s48", "frontmatter name equal to the dir, other case", fm("name: S48", "description: S48 case"), LOADS),
    Probe("s49", "blank line before the opening ---", b"\n" + fm("description: S49 blank"), CHANGED),
    Probe("s50", 'paths: "**"', fm("description: S50 all paths", 'paths: "**"'), LOADS),
    Probe("c01", "valid (argument-hint: [x])", fm("description: C01 ok command", "argument-hint: [x]"), LOADS),
    Probe("c02", 'unterminated "', fm('description: "C02 oops', body="C02 body first line\n"), CHANGED),
    Probe("c03", "no frontmatter", b"C03 first line\n", LOADS),
    Probe("c04", "CRLF + unquoted ': '", fm("description: C04 Use when: x", body="C04 body\r\n", eol="\r\n"),
          CHANGED),
    Probe("c05", "frontmatter name", fm("name: other-name", "description: C05 named"), LOADS),
    Probe("c06", "in a subfolder (git/c06.md)", fm("description: C06 sub"), LOADS, ".claude/commands/git/c06.md"),
    Probe("c07", "upper-case extension .MD", fm("description: C07 upper"), FAILS, ".claude/commands/c07.MD"),
    Probe("c08", "file name with a space", fm("description: C08 space"), LOADS, ".claude/commands/c 08.md"),
    Probe("c09", "file name with two spaces", fm("description: C09 spaces"), FAILS, ".claude/commands/c  09.md"),
    Probe("c10", "1,048,577 bytes", sized(MIB + 1, "C10 big"), FAILS),
    Probe("c11", "argument-hint: [pr-number] [priority] (LF)",
          fm("description: C11 hint", "argument-hint: [pr-number] [priority]"), LOADS),
    Probe("c12", "the same, CRLF", fm("description: C12 hint", "argument-hint: [pr-number] [priority]",
                                      body="C12 body\r\n", eol="\r\n"), CHANGED),
    Probe("c13", "empty file", b"", LOADS),
    Probe("c14", "frontmatter only (model), no description, no body", b"---\nmodel: haiku\n---\n", LOADS),
    Probe("c15", "user-invocable: false", fm("description: C15 hidden", "user-invocable: false"), LOADS),
    Probe("c16", "SKILL.md inside commands/c16/", fm("description: C16 skill in commands"), LOADS,
          ".claude/commands/c16/SKILL.md"),
    Probe("c17", "allowed-tools: Bash(git add:*), Read", fm("description: C17 tools",
                                                            "allowed-tools: Bash(git add:*), Read"), LOADS),
    Probe("c18", "description: 42", fm("description: 42"), LOADS),
    Probe("c19", "hooks: [] in a command", fm("description: C19 hooks", "hooks: []"), CHANGED),
    Probe("c20", "paths: in a command", fm("description: C20 paths", 'paths: ["src/**"]'), LOADS),
    Probe("c21", "README.md", fm("description: C21 readme"), LOADS, ".claude/commands/README.md"),
    Probe("c22", "model: garbage-model", fm("description: C22 model", "model: garbage-model"), LOADS),
    Probe("c23", "exactly 1,048,576 bytes", sized(MIB, "C23 one mib"), LOADS),
    Probe("c24", "help.md (a built-in command name)", fm("description: C24 help"), LOADS,
          ".claude/commands/help.md"),
    Probe("c25", "description: Use when: x (LF, rescued)", fm("description: C25 Use when: x"), LOADS),
]
