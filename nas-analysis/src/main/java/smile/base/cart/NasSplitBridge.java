package smile.base.cart;

/**
 * The one place NAS reads a Smile internal: the split threshold of an {@link OrdinalNode}.
 *
 * <p>Smile 3.1.1 stores the threshold in the package-private field {@code OrdinalNode.value} and offers no
 * accessor, but fANOVA needs the thresholds to know the boxes of the leaves. This class sits in Smile's
 * package (on the class path; Smile's jar is not sealed) and only reads that field; everything else NAS
 * needs from a tree is public API. If a later Smile adds an accessor, only this class changes.
 */
public final class NasSplitBridge {

    private NasSplitBridge() {
    }

    /**
     * Threshold of an ordinal split: a point goes to {@link InternalNode#trueChild()} when
     * {@code x[feature] <= threshold} (see {@code OrdinalNode.branch}).
     *
     * @throws IllegalArgumentException for a nominal split, which has a category, not a threshold
     */
    public static double threshold(InternalNode node) {
        if (node instanceof OrdinalNode ordinal) {
            return ordinal.value;
        }
        throw new IllegalArgumentException("only ordinal splits have a threshold, got " + node.getClass().getName());
    }
}
