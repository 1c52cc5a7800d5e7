# The README's pkg-config snippet (tests/install/check.sh builds tutorials/ex1.c with it): after
# `make install PREFIX=/opt/heat`; Debian's PETSc and SLEPc .pc files are on pkg-config's default path.
HEAT_PREFIX ?= /opt/heat
CC      = mpicc
CFLAGS += $(shell PKG_CONFIG_PATH=$(HEAT_PREFIX)/lib/pkgconfig pkg-config --cflags heat)
LDLIBS += $(shell PKG_CONFIG_PATH=$(HEAT_PREFIX)/lib/pkgconfig pkg-config --libs heat)
