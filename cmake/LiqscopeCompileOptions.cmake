# One INTERFACE target carries the warning flags and the strict Qt defines; every target links it.
add_library(liqscope_compile_options INTERFACE)
add_library(Liqscope::CompileOptions ALIAS liqscope_compile_options)

target_compile_options(liqscope_compile_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough -Wformat=2)
if(LIQSCOPE_WERROR)
    target_compile_options(liqscope_compile_options INTERFACE -Werror)
endif()

target_compile_definitions(liqscope_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    LIQSCOPE_VERSION_STRING="${PROJECT_VERSION}")
