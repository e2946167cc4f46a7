package nas.neat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Speciation selection (spec 7.2), generic over the genome type and its distance so the fixed-topology
 * and NEAT modes share it. It decides species, survivors and the offspring count per species; breeding
 * is the caller's.
 */
public final class Speciation {

    private Speciation() {
    }

    /**
     * The outcome of one generation's speciation.
     *
     * @param species            member indices per species, in population order
     * @param survivors          indices of the survivors per species, best first
     * @param offspring          offspring count per species
     */
    public record Plan(List<int[]> species, List<int[]> survivors, int[] offspring) {

        /** All survivors, species by species. */
        public int[] allSurvivors() {
            return survivors.stream().flatMapToInt(Arrays::stream).toArray();
        }
    }

    /**
     * Rule 1 (assignment): in population order, each genome joins the first species whose representative
     * (its first member) is at distance below the threshold; otherwise it founds a new species.
     */
    public static <T> List<int[]> assign(List<T> genomes, ToDoubleBiFunction<T, T> distance, double threshold) {
        List<List<Integer>> species = new ArrayList<>();
        for (int i = 0; i < genomes.size(); i++) {
            boolean placed = false;
            for (List<Integer> s : species) {
                if (distance.applyAsDouble(genomes.get(i), genomes.get(s.get(0))) < threshold) {
                    s.add(i);
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                List<Integer> s = new ArrayList<>();
                s.add(i);
                species.add(s);
            }
        }
        List<int[]> out = new ArrayList<>(species.size());
        for (List<Integer> s : species) {
            out.add(s.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * Rules 2-3: survivor budget and offspring allocation.
     *
     * @param fitness        selection fitness of the whole population
     * @param populationSize the size of the next generation
     */
    public static <T> Plan plan(List<T> genomes, double[] fitness, ToDoubleBiFunction<T, T> distance,
            double threshold, int minSpeciesSize, double survivalRate, int populationSize) {
        List<int[]> species = assign(genomes, distance, threshold);
        int n = genomes.size();
        int s = species.size();
        // rule 2: survivor budget target = int(N * survival_rate) (at least 1)
        int target = Math.max(1, (int) (n * survivalRate));
        int[] size = new int[s];
        double[] best = new double[s];
        double[] mean = new double[s];
        for (int k = 0; k < s; k++) {
            int[] members = species.get(k);
            size[k] = members.length;
            best[k] = Double.NEGATIVE_INFINITY;
            double sum = 0.0;
            for (int i : members) {
                best[k] = Math.max(best[k], fitness[i]);
                sum += fitness[i];
            }
            mean[k] = sum / members.length;
        }
        Integer[] byBest = new Integer[s];
        for (int k = 0; k < s; k++) {
            byBest[k] = k;
        }
        Arrays.sort(byBest, Comparator.comparingDouble((Integer k) -> best[k]).reversed());

        int[] keep = new int[s];
        if (s <= target) {
            // rule 2a: each species is guaranteed min(min_species_size, size)
            for (int k = 0; k < s; k++) {
                keep[k] = Math.min(minSpeciesSize, size[k]);
            }
        } else {
            // rule 2b: more species than budget: the top-`target` species by max fitness get 1 each
            for (int r = 0; r < target; r++) {
                keep[byBest[r]] = 1;
            }
        }
        int guaranteed = Arrays.stream(keep).sum();
        if (guaranteed > target) {
            // rule 2c: guarantees scaled down to the budget (floored, then topped up by species rank)
            int total = guaranteed;
            int assigned = 0;
            for (int k = 0; k < s; k++) {
                keep[k] = (int) Math.floor((double) keep[k] * target / total);
                assigned += keep[k];
            }
            for (int r = 0; assigned < target && r < s; r++) {
                int k = byBest[r];
                if (keep[k] < size[k]) {
                    keep[k]++;
                    assigned++;
                }
            }
        }
        // rule 2d: the rest of the budget in proportion to species size, floored, capped at what is left
        int remaining = target - Arrays.stream(keep).sum();
        if (remaining > 0) {
            int[] extra = new int[s];
            for (int k = 0; k < s; k++) {
                extra[k] = Math.min((int) Math.floor((double) remaining * size[k] / n), size[k] - keep[k]);
            }
            for (int k = 0; k < s; k++) {
                keep[k] += extra[k];
            }
        }
        // rule 2e: each species keeps its top members
        List<int[]> survivors = new ArrayList<>(s);
        int kept = 0;
        for (int k = 0; k < s; k++) {
            int[] members = species.get(k);
            double[] f = new double[members.length];
            for (int i = 0; i < members.length; i++) {
                f[i] = fitness[members[i]];
            }
            int[] top = Selection.truncation(f, keep[k]);
            int[] idx = new int[top.length];
            for (int i = 0; i < top.length; i++) {
                idx[i] = members[top[i]];
            }
            survivors.add(idx);
            kept += idx.length;
        }
        // rule 3: offspring in proportion to max(0.01, mean fitness of all members); Python round()
        // (banker's rounding) for every species but the last, which takes the remainder
        int total = Math.max(0, populationSize - kept);
        double[] share = new double[s];
        double shareSum = 0.0;
        for (int k = 0; k < s; k++) {
            share[k] = Math.max(0.01, mean[k]);
            shareSum += share[k];
        }
        int[] offspring = new int[s];
        int given = 0;
        for (int k = 0; k < s - 1; k++) {
            offspring[k] = (int) Math.rint(share[k] / shareSum * total);
            given += offspring[k];
        }
        offspring[s - 1] = Math.max(0, total - given);
        return new Plan(species, survivors, offspring);
    }
}
