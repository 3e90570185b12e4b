/* The test runner: every area's suite, run together by `make check`. */
#include <stdlib.h>

#include "check_selaras.h"

int main(void)
{
    SRunner *runner = srunner_create(core_suite());
    srunner_add_suite(runner, doc_suite());
    srunner_add_suite(runner, alloc_doc_suite());
    srunner_add_suite(runner, segments_suite());
    srunner_add_suite(runner, segmenter_suite());
    srunner_add_suite(runner, abbrev_suite());
    srunner_add_suite(runner, alloc_segmenter_suite());
    srunner_add_suite(runner, tokenize_suite());
    srunner_add_suite(runner, lexicon_suite());
    srunner_add_suite(runner, align_suite());
    srunner_add_suite(runner, unit_suite());
    srunner_add_suite(runner, tmx_write_suite());
    srunner_add_suite(runner, tmx_read_suite());
    srunner_add_suite(runner, alloc_memory_suite());
    srunner_add_suite(runner, alloc_segments_suite());
    srunner_add_suite(runner, alloc_none_suite());
    srunner_add_suite(runner, limits_suite());
    srunner_add_suite(runner, regress_suite());
    srunner_add_suite(runner, file_suite());
    srunner_add_suite(runner, spans_suite());
    srunner_add_suite(runner, writer_api_suite());
    srunner_add_suite(runner, evaluate_suite());
    srunner_add_suite(runner, model_suite());
    srunner_add_suite(runner, scored_suite());
    srunner_add_suite(runner, batch_suite());
    srunner_add_suite(runner, parallel_suite());
    srunner_add_suite(runner, pair_suite());
    srunner_add_suite(runner, html_suite());
    srunner_add_suite(runner, alloc_html_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
