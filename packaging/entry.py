"""PyInstaller entry point: the frozen `seller-inbox` executable runs `app.cli.main`.

One option of its own, for the release checks: `--smoke-test-output FILE` copies everything the
app prints into FILE (stderr lines prefixed `stderr: `) and ends it with `exit: N`. The Windows
and macOS executables are windowed: their stdout and stderr go nowhere, so without the file a
smoke test could only be judged by its exit code. An exception that would otherwise end in
PyInstaller's error dialog (which would hang an unattended run) is written there too.
packaging/smoke.py runs the executable with it and judges the file.
"""

import multiprocessing
import sys
import traceback

OUTPUT_OPTION = "--smoke-test-output"


class _Tee:
    """A text stream writing to `report` (each line prefixed) and to `original` if any."""

    def __init__(self, report, prefix, original):
        self.report = report
        self.prefix = prefix
        self.original = original
        self.pending = ""

    def write(self, text):
        if self.original is not None:
            self.original.write(text)
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            self.report.write(f"{self.prefix}{line}\n")
        return len(text)

    def flush(self):
        if self.original is not None:
            self.original.flush()
        self.report.flush()

    def close_line(self):
        if self.pending:
            self.write("\n")

    def isatty(self):
        return False


def pop_output_option(argv):
    """Remove `--smoke-test-output FILE` (or `=FILE`) from `argv`; return FILE or None."""
    for i, arg in enumerate(argv):
        if arg == OUTPUT_OPTION:
            if i + 1 >= len(argv):
                raise SystemExit(f"seller-inbox: {OUTPUT_OPTION} needs a file name")
            path = argv[i + 1]
            del argv[i : i + 2]
            return path
        if arg.startswith(OUTPUT_OPTION + "="):
            del argv[i]
            return arg.split("=", 1)[1]
    return None


def run(argv):
    path = pop_output_option(argv)
    if path is None:
        from app.cli import main

        return main(argv)
    with open(path, "w", encoding="utf-8") as report:
        out = _Tee(report, "", sys.stdout)
        err = _Tee(report, "stderr: ", sys.stderr)
        sys.stdout, sys.stderr = out, err
        try:
            from app.cli import main  # inside: a broken bundle's ImportError goes to the report

            code = main(argv)
        except SystemExit as exc:  # argparse errors, sys.exit(...) inside the app
            if isinstance(exc.code, str):
                print(exc.code, file=err)
                code = 1
            else:
                code = exc.code or 0
        except BaseException:
            traceback.print_exc(file=err)
            code = 1
        finally:
            sys.stdout, sys.stderr = out.original, err.original
            out.close_line()
            err.close_line()
        report.write(f"exit: {code}\n")
    return code


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(run(sys.argv[1:]))
