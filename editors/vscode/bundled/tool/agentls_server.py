"""Start the bundled agentls language server (the extension runs this file).

bundled/libs (the server and its pure-Python dependencies) goes first on sys.path, so the
interpreter's own packages cannot shadow them; AGENTLS_EXTRA_LIBS (the Anthropic SDK, installed
by the extension on first use of the remote expert) goes after it.
"""

import os
import sys

if sys.version_info < (3, 10):
    sys.stderr.write(f"agentls needs Python 3.10 or later; {sys.executable} is {sys.version.split()[0]}\n")
    raise SystemExit(3)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "libs"))
EXTRA = os.environ.get("AGENTLS_EXTRA_LIBS")
if EXTRA:
    sys.path.insert(1, EXTRA)

from agentls.cli.main import main  # noqa: E402  (after the path is set)

if __name__ == "__main__":
    # vscode-languageclient may append --stdio; `agentls serve` accepts it.
    raise SystemExit(main(["serve", *sys.argv[1:]]))
