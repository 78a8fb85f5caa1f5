"""Package discovery that cannot forget a subpackage: every package below jixiao/
is found, and the two folders the design card names (udfs/, addin/) are mapped to
their import names in pyproject.toml. Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=find_packages(include=["jixiao", "jixiao.*"]) + ["jixiao_udfs", "jixiao_addin"])
