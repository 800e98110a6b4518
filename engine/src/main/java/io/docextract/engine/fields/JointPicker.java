package io.docextract.engine.fields;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks one candidate per field so that no printed span answers two fields of the same kind
 * (one date is not both the invoice date and the due date; one name not both buyer and seller).
 * Fields are settled most-confident first; a field that loses its best span takes its next.
 * Amounts are exempt: "total" and "amount due" are often the very same printed figure. Kinds do
 * not compete with each other: a phone field that misreads a date or an IBAN must not take it
 * away from the date or IBAN field.
 */
final class JointPicker {

    private static final Set<FieldKind> EXCLUSIVE = EnumSet.of(
            FieldKind.DATE, FieldKind.IDENTIFIER, FieldKind.NAME, FieldKind.ADDRESS, FieldKind.EMAIL, FieldKind.PHONE);

    private JointPicker() {}

    static <K> Map<K, Scored> pick(Map<K, FieldQuery> queries, Map<K, List<Scored>> ranked) {
        List<K> order = new ArrayList<>(ranked.keySet());
        order.sort((a, b) -> Double.compare(top(ranked.get(b)), top(ranked.get(a))));
        Map<K, Scored> picked = new HashMap<>();
        Map<FieldKind, List<Scored>> takenByKind = new HashMap<>();
        for (K key : order) {
            List<Scored> list = ranked.get(key);
            if (list.isEmpty()) {
                continue;
            }
            FieldKind kind = queries.get(key).kind();
            Scored choice = list.getFirst();
            if (EXCLUSIVE.contains(kind)) {
                List<Scored> taken = takenByKind.computeIfAbsent(kind, k -> new ArrayList<>());
                for (Scored s : list) {
                    if (taken.stream().noneMatch(t -> t.candidate().overlaps(s.candidate()))) {
                        choice = s;
                        break;
                    }
                }
                taken.add(choice);
            }
            picked.put(key, choice);
        }
        return picked;
    }

    private static double top(List<Scored> list) {
        return list.isEmpty() ? 0 : list.getFirst().score();
    }
}
