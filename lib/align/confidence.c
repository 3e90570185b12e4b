/* The confidence of a bead, from the margin the DP computed for it. */
#include "config.h"

#include <math.h>

#include "align.h"

double sl_bead_confidence(const sl_bead *b)
{
    /* A logistic model of the margin (how much worse the best path gets without the
     * bead), one line per bead class, fitted on Text+Berg dev and PUD dev beads. */
    double lm = log1p(b->margin);
    double z;
    if (b->src_count == 0 || b->tgt_count == 0)
        z = -0.443 - 0.961 + (1.460 - 0.151) * lm;
    else if (b->src_count == 1 && b->tgt_count == 1)
        z = -0.443 + 1.460 * lm;
    else
        z = -0.443 - 0.893 + (1.460 - 0.203) * lm;
    return 1.0 / (1.0 + exp(-z));
}
