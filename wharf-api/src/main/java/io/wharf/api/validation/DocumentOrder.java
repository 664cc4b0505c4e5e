package io.wharf.api.validation;

import java.util.List;

/**
 * A place in a parsed document that orders findings the way a streaming decoder meets them:
 * {@code ordinals} are the positions of the keys and indices leading there (a key's position in
 * its object as the tree keeps it), and {@code afterSubtree} marks a place just behind everything
 * below the last one. Unknown fields are at their key; a duplicated key is behind the key read
 * just before it, which is where a decoder reports it.
 */
public record DocumentOrder(List<Integer> ordinals, boolean afterSubtree) implements Comparable<DocumentOrder> {

    public DocumentOrder {
        ordinals = List.copyOf(ordinals);
    }

    @Override
    public int compareTo(DocumentOrder o) {
        int common = Math.min(ordinals.size(), o.ordinals.size());
        for (int i = 0; i < common; i++) {
            int c = Integer.compare(ordinals.get(i), o.ordinals.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (ordinals.size() == o.ordinals.size()) {
            return Boolean.compare(afterSubtree, o.afterSubtree);
        }
        // one is an ancestor of the other: the ancestor comes first unless it stands behind its subtree
        boolean thisIsAncestor = ordinals.size() < o.ordinals.size();
        boolean ancestorAfter = thisIsAncestor ? afterSubtree : o.afterSubtree;
        return (thisIsAncestor == ancestorAfter) ? 1 : -1;
    }
}
