import contextlib
import logging
import os
import sys

INTERRUPTED = "interrupted; nothing was written"  # Ctrl-C before a command began (cli.INTERRUPTED once a build did)

try:
    from .cli import main

    status = main()
except BrokenPipeError:  # output piped into `head` and the like
    status = 0
except KeyboardInterrupt:  # Ctrl-C while the code loads or a command runs: one line, not a traceback
    print(INTERRUPTED, file=sys.stderr)
    status = 130
# The work is done and every process it started has ended: skip the interpreter's teardown, which frees every
# object of the loaded plan one by one (0.25 s for the real plan, seconds for a plan 100 times its size).
logging.shutdown()
for stream in (sys.stdout, sys.stderr):
    with contextlib.suppress(BrokenPipeError):
        stream.flush()
os._exit(status)
