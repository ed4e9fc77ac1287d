# Instrumented builds, chosen by the options declared in the root CMakeLists.txt:
#   LIQSCOPE_SANITIZE  everything with AddressSanitizer + UndefinedBehaviorSanitizer (gcc or clang);
#                      the first undefined behaviour aborts the test (-fno-sanitize-recover).
#   LIQSCOPE_FUZZ      clang only: the same sanitizers plus libFuzzer coverage on every target, so the
#                      fuzz targets in tests/fuzz see edges inside the real parser libraries.
# Included before any add_subdirectory, so the flags reach every target, Qt's moc output included.
# Tests pick up LIQSCOPE_TEST_SANITIZER_ENVIRONMENT (suppressions, options) in liqscope_add_test.

set(LIQSCOPE_TEST_SANITIZER_ENVIRONMENT "")
if(NOT LIQSCOPE_SANITIZE AND NOT LIQSCOPE_FUZZ)
    return()
endif()

if(LIQSCOPE_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "LIQSCOPE_FUZZ needs clang (libFuzzer): configure with CC=clang-14 CXX=clang++-14")
endif()

set(liqscope_sanitizers address,undefined)
if(LIQSCOPE_FUZZ)
    # fuzzer-no-link: coverage instrumentation without libFuzzer's main(); the fuzz executables add
    # -fsanitize=fuzzer when they link.
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
add_compile_options(-fsanitize=${liqscope_sanitizers} -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=${liqscope_sanitizers} -fno-sanitize-recover=undefined)
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    # -fsanitize=function is clang-only (gcc has no such check): left out so the clang (fuzz) build and the
    # gcc sanitizer build check the same set of undefined behaviour.
    add_compile_options(-fno-sanitize=function)
endif()

set(LIQSCOPE_LSAN_SUPPRESSIONS "${PROJECT_SOURCE_DIR}/tools/lsan.supp")
set(LIQSCOPE_UBSAN_SUPPRESSIONS "${PROJECT_SOURCE_DIR}/tools/ubsan.supp")
# Semicolons separate ENVIRONMENT entries; the sanitizer options themselves use colons.
set(LIQSCOPE_TEST_SANITIZER_ENVIRONMENT
    "ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:abort_on_error=0"
    "LSAN_OPTIONS=suppressions=${LIQSCOPE_LSAN_SUPPRESSIONS}:print_suppressions=0"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=${LIQSCOPE_UBSAN_SUPPRESSIONS}")
message(STATUS "Liqscope: sanitizers ${liqscope_sanitizers} (fuzz: ${LIQSCOPE_FUZZ})")
