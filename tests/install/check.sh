#!/bin/sh
# Installs heat into a temporary prefix and checks that what is installed needs nothing of the build tree:
# the installed `heat` and a program built with each README makefile snippet load the prefix's libheat
# (their run path names the prefix, not the build tree) and run. Output paths are shown as PREFIX and BUILD.
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${HEAT_BUILD:-$top/build}
T=${HEAT_TEST_TMPDIR:-$(mktemp -d)}
P=$T/prefix
show() { sed -e "s|$P|PREFIX|g" -e "s|$build|BUILD|g"; }
# the programs run as singletons, outside the mpiexec that runs this script
alone() { env $(env | sed -n -e '/^OMPI_ALLOW/d' -e 's/^\(\(OMPI\|PMIX\|OPAL\|ORTE\)_[^=]*\)=.*/-u \1/p') "$@"; }
# the tree under test (tests/run sets HEAT_BUILD; make test-64 runs this on build-64) with its own PETSc and SLEPc,
# whatever BUILD the make that started the suite passes down through MAKEFLAGS
unset MAKEFLAGS MFLAGS MAKELEVEL
PETSC_DIR=$(sed -n 's/^PETSC_DIR = //p' "$build/conf/heatvariables")
SLEPC_DIR=$(sed -n 's/^SLEPC_DIR = //p' "$build/conf/heatvariables")
export PETSC_DIR SLEPC_DIR
make -s -C "$top" BUILD="${build#$top/}" install PREFIX="$P" > "$T/install.log" 2>&1 || { cat "$T/install.log"; exit 1; }
echo "run path of the installed heat:"
readelf -d "$P/bin/heat" | sed -n 's/.*\(RPATH\|RUNPATH\).*\[\(.*\)\]/  \2/p' | show
echo "libheat the installed heat loads:"
ldd "$P/bin/heat" | sed -n 's/^\s*libheat.so => \([^ ]*\).*/  \1/p' | show
alone "$P/bin/heat" info -i "$top/share/heat/datasets/iris.csv" | sed 1d
# the README's two makefile snippets, as written there (tests/install/pkgconfig.mk, petsc.mk)
cp "$top/tutorials/ex1.c" "$T/"
for mk in pkgconfig petsc; do
  mkdir -p "$T/$mk" && cp "$T/ex1.c" "$T/$mk/"
  make -s -C "$T/$mk" -f "$top/tests/install/$mk.mk" HEAT_PREFIX="$P" HEAT_DIR="$top" HEAT_BUILD="$build" ex1 > "$T/$mk.log" 2>&1 || { cat "$T/$mk.log"; exit 1; }
  echo "libheat ex1 built with the $mk snippet loads:"
  ldd "$T/$mk/ex1" | sed -n 's/^\s*libheat.so => \([^ ]*\).*/  \1/p' | show
  alone "$T/$mk/ex1" -i "$top/share/heat/datasets/iris.csv" -o "$T/$mk/iris.h5" | grep -v "MPI process" | tail -n 1
done
