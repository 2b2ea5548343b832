# The memory allocator of acervo's programs.
#
# -DACERVO_JEMALLOC=ON (the default, off under the sanitizers): the `acervo` command and the
# benchmarks link jemalloc (Debian: libjemalloc-dev, at run time libjemalloc2), which
# replaces malloc, free and operator new for the whole process, the plugins and libraries it
# loads included. The recognizers and record assembly allocate small strings and vectors per
# passage and per mention: glibc's malloc and free were a tenth of their time, and a pass of
# the four recognizers costs 9% fewer instructions and 8% less time with jemalloc
# (docs/benchmarks.md, "The allocator"). It throws std::bad_alloc when memory runs out, as
# glibc's does, so a worker over its memory limit still says so (cmd_worker.cc). The address
# and undefined-behaviour sanitizers bring their own allocator: a sanitized build keeps
# glibc's.
#
# acervo_link_allocator(<target>) links it into one executable, with --no-as-needed: nothing
# calls jemalloc by name; it replaces malloc by being loaded ahead of the C library.

set(acervo_jemalloc_default ON)
if(ACERVO_SANITIZE OR ACERVO_FUZZ)
  set(acervo_jemalloc_default OFF)
endif()
option(ACERVO_JEMALLOC "Link jemalloc into the acervo command and the benchmarks"
       ${acervo_jemalloc_default})
if(ACERVO_JEMALLOC AND (ACERVO_SANITIZE OR ACERVO_FUZZ))
  message(FATAL_ERROR "ACERVO_JEMALLOC cannot be combined with the sanitizers: configure with "
                      "-DACERVO_JEMALLOC=OFF")
endif()
if(ACERVO_JEMALLOC)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
endif()

function(acervo_link_allocator target)
  if(ACERVO_JEMALLOC)
    target_link_libraries(${target} PRIVATE
      "-Wl,--push-state,--no-as-needed" PkgConfig::JEMALLOC "-Wl,--pop-state")
  endif()
endfunction()
