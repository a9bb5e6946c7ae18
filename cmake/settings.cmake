# Warnings, assertions and sanitizers live on one private interface target so
# that consumers of the library never inherit them.
add_library(annals_settings INTERFACE)
target_compile_options(annals_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(ANNALS_WARNINGS_AS_ERRORS)
  # GCC 12's maybe-uninitialized (boost::optional in Boost.Graph headers) and restrict
  # (std::string operator+) fire falsely when optimising; they stay warnings, the rest errors.
  target_compile_options(annals_settings INTERFACE -Werror
    $<$<CXX_COMPILER_ID:GNU>:-Wno-error=maybe-uninitialized -Wno-error=restrict>)
endif()
target_compile_definitions(annals_settings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
if(ANNALS_SANITIZE)
  target_compile_options(annals_settings INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(annals_settings INTERFACE -fsanitize=address,undefined)
endif()
