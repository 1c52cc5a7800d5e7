# The README's PETSc-makefile snippet (tests/install/check.sh builds tutorials/ex1.c with it), next to a build
# tree: PETSC_DIR and SLEPC_DIR come from the environment, else Debian's locations.
PETSC_DIR ?= /usr/lib/petsc
SLEPC_DIR ?= /usr/lib/slepc
HEAT_DIR  ?= /path/to/heat-petsc
HEAT_BUILD ?= ${HEAT_DIR}/build
include ${SLEPC_DIR}/lib/slepc/conf/slepc_common
CFLAGS += -I${HEAT_DIR}/include -I${HEAT_BUILD}/include
LDLIBS += -L${HEAT_BUILD}/lib -Wl,-rpath,${HEAT_BUILD}/lib -lheat ${SLEPC_LIB}
