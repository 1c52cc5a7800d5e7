# Heat for PETSc -- top-level makefile
#
#   make              library, the heat command, tests, tutorials and benchmarks
#   make test         every test (installs dependencies and configures if needed), then TEST_FUZZ_TIME (15) seconds
#                     of each fuzzing target; TESTS=AREA: one area (tensor, io, cluster, cli, tutorials, fuzz),
#                     else a regex of case names
#   make test-64      the same suite on a second tree build-64/ with 64-bit PetscInt (petsc64-dev, slepc64-dev)
#   make test-asan    the suite on build-asan/, compiled with -fsanitize=address,undefined
#   make test-valgrind a subset of the suite (tests/valgrind.list) under valgrind memcheck, on build/
#   make demo         the heat command on the bundled iris data, 2 ranks (and build/demo/iris_clusters.png)
#   make bench        the benchmark table
#   make fuzz         the libFuzzer targets of tests/fuzz/ (clang, address and undefined sanitizers), FUZZ_TIME seconds each
#   make install PREFIX=DIR
#   make clean
#
# Compile flags: PETSc's plus -O3 -Wall -Wextra -Werror for our own code; -fno-math-errno lets
# the compiler vectorize loops over sqrt, exp and log (nothing here reads errno).

BUILD      := build
TOP        := $(abspath .)
NOCONF_GOALS := clean distclean help
ifneq ($(MAKECMDGOALS),)
  ifeq ($(filter-out $(NOCONF_GOALS),$(MAKECMDGOALS)),)
    SKIPCONF := 1
  endif
endif

ifneq ($(SKIPCONF),1)
-include $(BUILD)/conf/heatvariables
ifneq ($(SLEPC_DIR),)
include $(SLEPC_DIR)/lib/slepc/conf/slepc_variables
endif
endif

NP         ?= 2
PREFIX     ?= $(if $(HEAT_PREFIX),$(HEAT_PREFIX),/usr/local)
HEAT_CC    := $(if $(PCC),$(PCC),mpicc)
HEAT_WARN  := -Wall -Wextra -Werror -Wno-unused-parameter
HEAT_CFLAGS = -O3 -fno-math-errno -fPIC -g $(HEAT_WARN) -MMD -MP -Iinclude -I$(BUILD)/include $(SLEPC_CC_INCLUDES) -I$(HEAT_NETCDF_INCLUDE) $(HEAT_PNG_CFLAGS) $(CFLAGS)
HEAT_LIBS   = $(SLEPC_LIB) $(HEAT_NETCDF_LIBS) $(HEAT_PNG_LIBS) $(LDFLAGS)
HEAT_RPATH  = -Wl,-rpath,$(TOP)/$(BUILD)/lib
export OMPI_ALLOW_RUN_AS_ROOT := 1
export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM := 1
export OMPI_MCA_rmaps_base_oversubscribe := 1
export OPENBLAS_NUM_THREADS := 1

LIB_SRC    := $(shell find src -name '*.c' ! -path 'src/bin/*' | sort)
LIB_OBJ    := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
LIBHEAT    := $(BUILD)/lib/libheat.so
BIN        := $(BUILD)/bin/heat
# tests/<area>/<prog>.c -> build/tests/<area>/<prog>; tests/bench/ holds the benchmarks, tests/data/ no programs
TEST_SRC   := $(sort $(filter-out tests/bench/%,$(wildcard tests/*/*.c)))
TEST_BIN   := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_AREAS := $(sort $(filter-out bench,$(patsubst tests/%/,%,$(dir $(wildcard tests/*/*.c tests/*/*.test))))) tutorials
TUT_SRC    := $(wildcard tutorials/*.c)
TUT_BIN    := $(TUT_SRC:tutorials/%.c=$(BUILD)/tutorials/%)
BENCH_SRC  := $(wildcard tests/bench/*.c)
BENCH_BIN  := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
PROGRAMS   := $(BIN) $(TEST_BIN) $(TUT_BIN) $(BENCH_BIN)
# The objects of the programs are made by pattern rules only, so on a fresh tree make takes them for intermediate
# files and deletes them after the first goal; the next make reads their .d files, which name them as targets,
# finds them missing and compiles them all again. Kept, a second goal (make demo, then make test) builds nothing.
PROG_OBJ   := $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard src/bin/*.c) $(TEST_SRC) $(TUT_SRC) $(BENCH_SRC))
.SECONDARY: $(PROG_OBJ)

.PHONY: all lib test test-64 test-asan test-valgrind demo bench install clean distclean help fuzz fuzz-build
.DEFAULT_GOAL := all

all: $(LIBHEAT) $(PROGRAMS)
# test, demo, bench and test-valgrind build first with one job per core (GNU make 4.3 takes -j from its command line
# only): built serially, make test from a clean clone took 15.5 minutes on two cores instead of 13.6
BUILD_JOBS     ?= $(shell nproc 2>/dev/null || echo 1)
PARALLEL_BUILD  = $(MAKE) --no-print-directory -j$(BUILD_JOBS)
lib: $(LIBHEAT)

# An unconfigured tree configures itself (and installs missing packages) first, and again when the
# configuration scripts change; make then re-reads the generated variables.
$(BUILD)/conf/heatvariables: config/configure config/install-deps
	config/install-deps $(HEAT_DEPS_ARGS)
	config/configure --build=$(BUILD) $(HEAT_CONFIGURE_ARGS)

$(BUILD)/obj/%.o: %.c $(BUILD)/conf/heatvariables
	@mkdir -p $(dir $@)
	@echo "  CC   $<"
	@$(HEAT_CC) $(HEAT_CFLAGS) -c $< -o $@

$(LIBHEAT): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD   $@"
	@$(HEAT_CC) -shared -o $@ $(LIB_OBJ) $(HEAT_LIBS)

$(BUILD)/bin/%: $(BUILD)/obj/src/bin/%.o $(LIBHEAT)
	@mkdir -p $(dir $@)
	@echo "  LD   $@"
	@$(HEAT_CC) -o $@ $< $(HEAT_RPATH) -L$(BUILD)/lib -lheat $(HEAT_LIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(LIBHEAT)
	@mkdir -p $(dir $@)
	@echo "  LD   $@"
	@$(HEAT_CC) -o $@ $< $(HEAT_RPATH) -L$(BUILD)/lib -lheat $(HEAT_LIBS)

$(BUILD)/tutorials/%: $(BUILD)/obj/tutorials/%.o $(LIBHEAT)
	@mkdir -p $(dir $@)
	@echo "  LD   $@"
	@$(HEAT_CC) -o $@ $< $(HEAT_RPATH) -L$(BUILD)/lib -lheat $(HEAT_LIBS)

$(BUILD)/bench/%: $(BUILD)/obj/tests/bench/%.o $(LIBHEAT)
	@mkdir -p $(dir $@)
	@echo "  LD   $@"
	@$(HEAT_CC) -o $@ $< $(HEAT_RPATH) -L$(BUILD)/lib -lheat $(HEAT_LIBS)

# Fuzzing: the library again, compiled by clang with libFuzzer's coverage and the address and undefined-behaviour
# sanitizers into a static archive, and one program per folder tests/fuzz/<target>/ (its fuzz.c, seeds/, regressions/).
# tests/fuzz/run first replays every regression input, then fuzzes each target for FUZZ_TIME seconds.
FUZZ_TIME    ?= 30
FUZZ_CC      := OMPI_CC=clang mpicc
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined -Wall -Wno-unused-parameter
FUZZ_OBJ     := $(LIB_SRC:%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_TARGETS := $(patsubst tests/fuzz/%/fuzz.c,%,$(wildcard tests/fuzz/*/fuzz.c))
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/bin/%)

$(BUILD)/fuzz/obj/%.o: %.c $(BUILD)/conf/heatvariables
	@mkdir -p $(dir $@)
	@echo "  CC (fuzz) $<"
	@$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -MMD -MP -Iinclude -I$(BUILD)/include $(SLEPC_CC_INCLUDES) -I$(HEAT_NETCDF_INCLUDE) $(HEAT_PNG_CFLAGS) -c $< -o $@

$(BUILD)/fuzz/libheat.a: $(FUZZ_OBJ)
	@rm -f $@
	@ar rcs $@ $(FUZZ_OBJ)

$(BUILD)/fuzz/bin/%: tests/fuzz/%/fuzz.c $(BUILD)/fuzz/libheat.a
	@mkdir -p $(dir $@)
	@echo "  LD (fuzz) $@"
	@$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -MMD -MP -MF $@.d -Iinclude -I$(BUILD)/include $(SLEPC_CC_INCLUDES) -I$(HEAT_NETCDF_INCLUDE) $(HEAT_PNG_CFLAGS) $< -o $@ $(BUILD)/fuzz/libheat.a $(HEAT_LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	python3 tests/fuzz/run --build $(BUILD) --time $(FUZZ_TIME)

# TESTS=cluster (or several area names) runs those areas, any other TESTS is a regex of case names; the short fuzzing
# run (TEST_FUZZ_TIME seconds per target) comes after the cases (not with NOFUZZ=1), and alone with TESTS=fuzz;
# TEST_ARGS: more options of tests/run
TEST_FUZZ_TIME ?= 8
TESTS_CASES    := $(filter-out fuzz,$(TESTS))
TESTS_FUZZ     := $(if $(TESTS),$(filter fuzz,$(TESTS)),$(if $(NOFUZZ),,fuzz))
test:
	$(PARALLEL_BUILD) all $(if $(TESTS_FUZZ),fuzz-build)
	$(if $(and $(TESTS),$(if $(TESTS_CASES),,1)),,python3 tests/run --jobs 2 --build $(BUILD) $(TEST_ARGS) $(if $(TESTS_CASES),$(if $(filter-out $(TEST_AREAS),$(TESTS_CASES)),--filter '$(TESTS_CASES)',$(addprefix --area ,$(TESTS_CASES)))))
	$(if $(TESTS_FUZZ),python3 tests/fuzz/run --build $(BUILD) --time $(TEST_FUZZ_TIME))

# Second and third trees: each configures itself on first use (64-bit PetscInt; sanitizers), then runs the suite.
test-64:
	$(MAKE) BUILD=build-64 HEAT_DEPS_ARGS=--64 HEAT_CONFIGURE_ARGS=--with-64-bit-indices NOFUZZ=1 test

# AddressSanitizer and UBSan in our code (Open MPI's own leaks at exit are not ours: LeakSanitizer is off, PETSc's
# -malloc_debug -malloc_dump finds the leaks of PETSc-allocated memory); any report fails the case
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer
test-asan:
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 $(MAKE) BUILD=build-asan HEAT_DEPS_ARGS=--asan NOFUZZ=1 \
	  CFLAGS="-O1 $(SANITIZE)" LDFLAGS="$(SANITIZE)" TEST_ARGS="--petsc-options '-malloc_debug -malloc_dump' --timeout-factor 4" test

# memcheck on the cases listed in tests/valgrind.list (a few per area, 1 and 2 ranks), with Open MPI's suppressions
# and tests/valgrind.supp (third-party noise only); PETSc turns its own malloc tracing off under valgrind
VALGRIND := valgrind --tool=memcheck -q --error-exitcode=97 --num-callers=30 --suppressions=/usr/share/openmpi/openmpi-valgrind.supp --suppressions=$(TOP)/tests/valgrind.supp
test-valgrind:
	$(PARALLEL_BUILD) all
	@command -v valgrind >/dev/null || config/install-deps --valgrind
	python3 tests/run --jobs 2 --build $(BUILD) --wrap "$(VALGRIND)" --timeout-factor 10 --filter "$$(grep -v '^#' tests/valgrind.list | paste -sd'|')"

# without a display (DISPLAY unset) the draw viewer is off (-nox), so PETSc does not report "Unable to open display"
# from every rank; the PNG is written either way
DEMO_NOX := $(if $(DISPLAY),,-nox)
demo:
	$(PARALLEL_BUILD) all
	@mkdir -p $(BUILD)/demo
	mpiexec -n 2 $(BIN) info -i share/heat/datasets/iris.csv
	mpiexec -n 2 $(BIN) cluster -i share/heat/datasets/iris.csv -target -1 -ht_cluster_num_clusters 3 -ht_cluster_seed 1 -o $(BUILD)/iris_clusters.h5 \
	    -ht_cluster_view draw -ht_view_png $(BUILD)/demo/iris_clusters.png $(DEMO_NOX)
	@echo "picture of the clusters: $(BUILD)/demo/iris_clusters.png"

bench:
	$(PARALLEL_BUILD) all
	tests/bench/run --build $(BUILD) --np $(NP)

install: all
	mkdir -p $(PREFIX)/include/heat/private/kernels $(PREFIX)/lib/pkgconfig $(PREFIX)/bin
	cp include/heat*.h $(BUILD)/include/heatconf.h $(PREFIX)/include/
	cp include/heat/private/*.h $(PREFIX)/include/heat/private/
	cp include/heat/private/kernels/*.h $(PREFIX)/include/heat/private/kernels/
	cp $(LIBHEAT) $(PREFIX)/lib/
	@# linked again so that its run path is the prefix's library, not the build tree's
	$(HEAT_CC) -o $(PREFIX)/bin/heat $(BUILD)/obj/src/bin/heat.o -Wl,-rpath,$(abspath $(PREFIX))/lib -L$(PREFIX)/lib -lheat $(HEAT_LIBS)
	sed -e 's|@PREFIX@|$(abspath $(PREFIX))|g' -e 's|@PETSC_DIR@|$(PETSC_DIR)|g' -e 's|@SLEPC_DIR@|$(SLEPC_DIR)|g' -e 's|@HDF5_INCLUDE@|$(HEAT_HDF5_INCLUDE)|g' \
	    -e 's|@PETSC_PC@|$(HEAT_PETSC_PC)|g' -e 's|@SLEPC_PC@|$(HEAT_SLEPC_PC)|g' \
	    config/heat.pc.in > $(PREFIX)/lib/pkgconfig/heat.pc
	@echo "installed in $(PREFIX); use: pkg-config --cflags --libs heat"

clean:
	rm -rf $(BUILD)/obj $(BUILD)/lib $(BUILD)/bin $(BUILD)/tests $(BUILD)/tutorials $(BUILD)/bench $(BUILD)/testrun

distclean:
	rm -rf $(BUILD)

help:
	@sed -n '3,10p' makefile

-include $(shell find $(BUILD)/obj $(BUILD)/fuzz -name '*.d' 2>/dev/null)
