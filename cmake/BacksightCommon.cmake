# One INTERFACE target carries warnings and Qt defines for every Backsight target (after qBittorrent).
add_library(backsight_common INTERFACE)
target_compile_features(backsight_common INTERFACE cxx_std_20)
target_compile_options(backsight_common INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wno-missing-field-initializers>)
target_compile_definitions(backsight_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_STRICT_ITERATORS
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  BACKSIGHT_VERSION="${PROJECT_VERSION}")

# add_unit_test(NAME SOURCES... LIBS ... [GUI]) — one executable per unit, registered with CTest.
function(add_unit_test name)
  cmake_parse_arguments(T "GUI" "" "SOURCES;LIBS;LABELS" ${ARGN})
  qt_add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test backsight_common backsight_testsupport ${T_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  set(env "BACKSIGHT_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data" "BACKSIGHT_SHARED=${PROJECT_SOURCE_DIR}/../shared")
  if(T_GUI)
    list(APPEND env "QT_QPA_PLATFORM=offscreen")
  endif()
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 600 LABELS "${T_LABELS}")
endfunction()
