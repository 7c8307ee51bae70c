#!/usr/bin/env python3
"""Re-runs every "$ vmlayout ..." line of the ```console blocks of a Markdown file and writes its real
output (stdout and stderr) and exit status ("$ echo $?") under it, in place. The documentation tests
(AnswersInSyncTest, ReadmeInSyncTest) then check that the file still matches what vmlayout prints.

Usage, from the repository root, after `mvn -q -DskipTests package`:
    python3 src/docs/refresh-console.py src/docs/answers.md
"""
import shlex
import subprocess
import sys


def run(command):
    words = shlex.split(command)
    p = subprocess.run(["java", "-jar", "target/vmlayout.jar"] + words[1:], capture_output=True, text=True)
    lines = p.stdout.splitlines() + (p.stderr.splitlines() if p.stderr else [])
    return lines, p.returncode


def refresh(path):
    src = open(path, encoding="utf-8").read().split("\n")
    out = []
    i = 0
    in_console = False
    while i < len(src):
        line = src[i]
        if line.strip() == "```console":
            in_console = True
            out.append(line)
            i += 1
            continue
        if line.strip() == "```":
            in_console = False
            out.append(line)
            i += 1
            continue
        if in_console and line.startswith("$ vmlayout"):
            cmd_lines = [line]
            while cmd_lines[-1].endswith("\\"):
                i += 1
                cmd_lines.append(src[i])
            out.extend(cmd_lines)
            command = " ".join(l[:-1] if l.endswith("\\") else l for l in cmd_lines)[2:]
            i += 1
            # skip the old output and exit status, up to the next command or the end of the block
            while i < len(src) and not src[i].startswith("$ vmlayout") and src[i].strip() != "```":
                i += 1
            lines, status = run(command)
            out.extend(lines)
            out.append("$ echo $?")
            out.append(str(status))
            continue
        out.append(line)
        i += 1
    open(path, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    for f in sys.argv[1:]:
        refresh(f)
