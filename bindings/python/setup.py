"""pip install --no-build-isolation ./bindings/python: builds selaras._selaras against an
installed libselaras found through pkg-config (see selaras/_build.py)."""
from setuptools import setup

setup(
    name="selaras",
    version="0.1.0",
    description="Indonesian and English press releases into a translation memory",
    packages=["selaras", "selaras.dask"],
    package_data={"selaras": ["py.typed"]},
    python_requires=">=3.9",
    setup_requires=["cffi>=1.12"],
    install_requires=["cffi>=1.12"],
    cffi_modules=["selaras/_build.py:ffibuilder"],
    zip_safe=False,
)
