/* Refusing pairs that do not look like translations: one line that names the score. */
#include "cli.h"
#include "refuse.h"

int cli_refuse_nonparallel(const selaras_alignment *a, const selaras_segments *ss,
                           const selaras_segments *ts, const char *src, const char *tgt)
{
    double score = selaras_alignment_document_score(a);
    if (score >= selaras_parallel_threshold() || selaras_segments_count(ss) == 0 ||
        selaras_segments_count(ts) == 0)
        return CLI_OK;
    cli_error("%s and %s do not look like translations of each other (parallelness score "
              "%.2f, below %.2f); nothing written, --force aligns them anyway",
              cli_display_name(src), cli_display_name(tgt), score, selaras_parallel_threshold());
    return CLI_NOT_PARALLEL;
}
