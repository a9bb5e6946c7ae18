# Warnings, assertions and sanitizers live on one private interface target so
# that consumers of the library never inherit them.
add_library(annals_settings INTERFACE)
target_compile_options(annals_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(ANNALS_WARNINGS_AS_ERRORS)
  # GCC 12's maybe-uninitialized fires on boost::optional inside Boost.Graph headers when
  # optimising (a known false positive); it stays a warning, everything else is an error.
  target_compile_options(annals_settings INTERFACE -Werror
    $<$<CXX_COMPILER_ID:GNU>:-Wno-error=maybe-uninitialized>)
endif()
target_compile_definitions(annals_settings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
if(ANNALS_SANITIZE)
  target_compile_options(annals_settings INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(annals_settings INTERFACE -fsanitize=address,undefined)
endif()
