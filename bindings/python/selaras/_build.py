"""Build the cffi (API mode) extension ``selaras._selaras`` against libselaras.

The C declarations are read from ``selaras.h`` itself: the header is run through the C
preprocessor with ``SELARAS_API`` defined empty, so the binding never keeps a copy of
the API. Where the library is found:

- ``SELARAS_INCLUDE_DIR``, ``SELARAS_LIBRARY_DIR`` (and optionally ``SELARAS_RPATH``)
  in the environment: the in-tree build uses them to build against the build tree;
- otherwise ``pkg-config --cflags --libs selaras`` (an installed library).

Run as a script, ``python3 _build.py OUTDIR`` compiles the extension into
``OUTDIR/selaras/``; setuptools uses ``ffibuilder`` through ``cffi_modules``.
"""
import os
import re
import shlex
import subprocess
import sys

from cffi import FFI


def _pkg_config(*args):
    out = subprocess.run(["pkg-config", *args, "selaras"], check=True,
                         capture_output=True, text=True).stdout
    return shlex.split(out)


def _locations():
    inc = os.environ.get("SELARAS_INCLUDE_DIR")
    libdir = os.environ.get("SELARAS_LIBRARY_DIR")
    if inc and libdir:
        rpath = os.environ.get("SELARAS_RPATH")
        return [inc], [libdir], [rpath] if rpath else []
    try:
        incs = [f[2:] for f in _pkg_config("--cflags-only-I") if f.startswith("-I")]
        libs = [f[2:] for f in _pkg_config("--libs-only-L") if f.startswith("-L")]
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit("selaras: libselaras not found through pkg-config (%s); install it, or set "
                 "SELARAS_INCLUDE_DIR and SELARAS_LIBRARY_DIR" % e)
    if not incs:
        incs = ["/usr/include", "/usr/local/include"]
    return incs, libs, libs


def _declarations(include_dirs):
    for d in include_dirs:
        header = os.path.join(d, "selaras.h")
        if os.path.exists(header):
            break
    else:
        sys.exit("selaras: selaras.h is in none of %s" % include_dirs)
    with open(header, encoding="utf-8") as f:
        text = "".join(line for line in f if not line.startswith("#include"))
    cc = shlex.split(os.environ.get("CC", "cc"))
    out = subprocess.run(cc + ["-E", "-P", "-DSELARAS_API=", "-x", "c", "-"], input=text,
                         check=True, capture_output=True, text=True).stdout
    out = re.sub(r"\b(\d+)u\b", r"\1", out)  # 1u << 3: cffi reads plain integers
    # integer macros (SELARAS_NO_OFFSET, SELARAS_UNIT_WHOLE...): values from the compiler
    for name, value in re.findall(r"^#define (SELARAS_[A-Z0-9_]+)[ \t]+(.+)$", text, re.M):
        if name != "SELARAS_API" and '"' not in value and '.' not in value:
            out += "#define %s ...\n" % name
    return out + '\nextern "Python" int _selaras_py_write(const char *, size_t, void *);\n' + \
        _HELPERS_CDEF


# Helpers compiled into the extension (not part of the library's API): each does in one C
# call, GIL released, what would otherwise cost a Python-level call per bead.
_HELPERS_CDEF = "size_t _selaras_py_beads(const selaras_alignment *, size_t *, double *);\n"
_HELPERS_SOURCE = r"""
/* The beads of an alignment as (src_first, src_count, tgt_first, tgt_count) in idx[4 * i]
 * and the score in score[i], for every bead; returns the number of beads. */
static size_t _selaras_py_beads(const selaras_alignment *a, size_t *idx, double *score)
{
    size_t n = selaras_alignment_count(a);
    for (size_t b = 0; b < n; b++) {
        idx[4 * b] = selaras_alignment_src_first(a, b);
        idx[4 * b + 1] = selaras_alignment_src_count(a, b);
        idx[4 * b + 2] = selaras_alignment_tgt_first(a, b);
        idx[4 * b + 3] = selaras_alignment_tgt_count(a, b);
        score[b] = selaras_alignment_score(a, b);
    }
    return n;
}
"""


_include_dirs, _library_dirs, _rpath = _locations()
ffibuilder = FFI()
ffibuilder.cdef(_declarations(_include_dirs))
ffibuilder.set_source("selaras._selaras", '#include "selaras.h"\n' + _HELPERS_SOURCE,
                      include_dirs=_include_dirs, library_dirs=_library_dirs,
                      runtime_library_dirs=_rpath, libraries=["selaras"])

if __name__ == "__main__":
    outdir = sys.argv[1] if len(sys.argv) > 1 else "."
    ffibuilder.compile(tmpdir=outdir, verbose=False)
