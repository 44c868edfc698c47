# SPDX-License-Identifier: MIT
# What `cmake --install` adds beside the targets: a relocatable tree (the
# tool finds libost through a relative RPATH, libost finds the plugin
# folder beside itself), schemas, man pages, ost.pc and ostConfig.cmake.
include(CMakePackageConfigHelpers)

set(OST_SCHEMA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/ost/schemas")
set(OST_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/ost")

# The plugin ABI, read from the header that defines it.
file(STRINGS "${PROJECT_SOURCE_DIR}/include/ost/plugin.h" _abi
     REGEX "^#define OST_PLUGIN_ABI_(MAJOR|MINOR) ")
string(REGEX REPLACE ".*MAJOR ([0-9]+).*MINOR ([0-9]+).*" "\\1.\\2" OST_PLUGIN_ABI "${_abi}")

# The empty plugin folder, so `ost plugins` shows where modules go.
install(DIRECTORY DESTINATION ${OST_PLUGIN_INSTALL_DIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/schemas/" DESTINATION ${OST_SCHEMA_INSTALL_DIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/man/" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1"
        FILES_MATCHING PATTERN "*.1")

file(RELATIVE_PATH OST_PC_PREFIX_FROM_PCDIR
     "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" OST_PC_PREFIX_FROM_PCDIR "${OST_PC_PREFIX_FROM_PCDIR}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/ost.pc.in" "${PROJECT_BINARY_DIR}/ost.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/ost.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

install(EXPORT ostTargets NAMESPACE ost:: DESTINATION ${OST_CMAKE_INSTALL_DIR})
configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/ostConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/ostConfig.cmake" INSTALL_DESTINATION ${OST_CMAKE_INSTALL_DIR}
  PATH_VARS OST_PLUGIN_INSTALL_DIR OST_SCHEMA_INSTALL_DIR)
# Same major version: compatible, as for the plugin ABI.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ostConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/ostConfig.cmake" "${PROJECT_BINARY_DIR}/ostConfigVersion.cmake"
        DESTINATION ${OST_CMAKE_INSTALL_DIR})
