"""What the benchmark scripts share: where the built backsight-cli is."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def default_cli():
    """The newest preset's backsight-cli (release, then ci, then dev), or exit with what to do."""
    for preset in ("release", "ci", "dev"):
        path = os.path.join(ROOT, "build", preset, "app", "cli", "backsight-cli")
        if os.path.exists(path):
            return path
    sys.exit("no backsight-cli found: build the release preset, or pass --cli")
