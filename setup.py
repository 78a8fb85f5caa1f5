"""Package discovery that cannot forget a subpackage: every package below jixiao/
is found, and the two folders the design card names (udfs/, addin/) are mapped to
their import names in pyproject.toml. addin/vba/ holds only the ribbon's VBA module
(data, no __init__.py); it is listed as a package of its own so that setuptools ships
it without warning that a data folder is missing from the package list. Everything
else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=find_packages(include=["jixiao", "jixiao.*"]) + ["jixiao_udfs", "jixiao_addin",
                                                                  "jixiao_addin.vba"])
