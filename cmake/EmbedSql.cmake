# SPDX-License-Identifier: Apache-2.0
# carecoord_embed_sql(OUT_CC MIGRATIONS QUERIES) generates, at build time:
#  - OUT_CC: the numbered migrations (migrations/NNNN_name.sql) as data, see store/migrations.h;
#  - sql_queries.h beside it: one `inline constexpr std::string_view` per named query. A query
#    file queries/users.sql with a block starting `-- name: find_by_username` becomes
#    carecoord::store::sql::kUsersFindByUsername, so a misspelt query fails to compile.
function(carecoord_embed_sql out_cc migrations queries)
  get_filename_component(out_dir ${out_cc} DIRECTORY)
  set(out_h ${out_dir}/generated/store/sql_queries.h)
  # Lists travel to the script joined with '|' (a ';' would split the command line).
  string(REPLACE ";" "|" migration_arg "${migrations}")
  string(REPLACE ";" "|" query_arg "${queries}")
  add_custom_command(
    OUTPUT ${out_cc} ${out_h}
    COMMAND ${CMAKE_COMMAND} "-DMIGRATIONS=${migration_arg}" "-DQUERIES=${query_arg}"
            -DOUT_CC=${out_cc} -DOUT_H=${out_h} -P ${PROJECT_SOURCE_DIR}/cmake/embed_sql_script.cmake
    DEPENDS ${migrations} ${queries} ${PROJECT_SOURCE_DIR}/cmake/embed_sql_script.cmake
    COMMENT "Embedding SQL"
    VERBATIM)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${migrations} ${queries})
  set(CARECOORD_GENERATED_INCLUDE ${out_dir}/generated PARENT_SCOPE)
endfunction()
