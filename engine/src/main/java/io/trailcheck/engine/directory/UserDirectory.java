package io.trailcheck.engine.directory;

import io.trailcheck.model.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every user of the tenant in columns (ids, names, flags, licence and plan profiles) rather than objects:
 * a million users fit in a few hundred megabytes and are never inserted into the rule engine one by one.
 * It holds what the exports say; what a plan means is decided by {@link Mailboxes}.
 */
public final class UserDirectory implements UserIndex {
    private static final byte ENABLED = 1;
    private static final byte GUEST = 2;
    /** An Entra Agent ID agent user: an identity of an AI agent, not a person. */
    private static final byte AGENT_USER = 4;

    private final String[] ids;
    private final String[] principalNames;
    private final byte[] flags;
    private final int[] licenceProfileOf;
    private final int[] planProfileOf;
    private final List<LicenceProfile> licenceProfiles;
    private final List<PlanProfile> planProfiles;
    /** The line of each user's record, and the users file it is in (an index into {@code files}). */
    private final int[] lines;
    private final int[] columns;
    private final short[] fileOf;
    private final List<Path> files;
    private final IdIndex indexById;
    private final SourceLocation firstFile;
    /** Each user's place in the order of ids (without regard to case), computed when first asked for. */
    private int[] rankOf;

    private UserDirectory(Builder b) {
        int n = b.size;
        ids = Arrays.copyOf(b.ids, n);
        principalNames = Arrays.copyOf(b.principalNames, n);
        flags = Arrays.copyOf(b.flags, n);
        licenceProfileOf = Arrays.copyOf(b.licenceProfileOf, n);
        planProfileOf = Arrays.copyOf(b.planProfileOf, n);
        licenceProfiles = List.copyOf(b.licences.profiles);
        planProfiles = List.copyOf(b.plans.profiles);
        lines = Arrays.copyOf(b.lines, n);
        columns = Arrays.copyOf(b.columns, n);
        fileOf = Arrays.copyOf(b.fileOf, n);
        files = List.copyOf(b.files);
        indexById = b.indexById;
        firstFile = b.firstFile;
    }

    /**
     * One directory from the users of every file, in file order; a user met again is reported to
     * {@code duplicate} with where it was met again and where first.
     */
    public static UserDirectory merge(List<Builder> chunks, DuplicateUser duplicate) {
        Builder all = chunks.isEmpty() ? new Builder() : chunks.get(0);
        for (int c = 1; c < chunks.size(); c++) all.absorb(chunks.get(c), duplicate);
        return new UserDirectory(all);
    }

    /** Told of a user id met again: the id, where it is met again, and where first. */
    public interface DuplicateUser {
        void met(String id, SourceLocation again, SourceLocation first);
    }

    public int size() {
        return ids.length;
    }

    @Override
    public int indexOf(String id) {
        return indexById.get(id);
    }

    @Override
    public int indexOfGuid(long high, long low) {
        return indexById.get(high, low);
    }

    public String id(int i) {
        return ids[i];
    }

    public String principalName(int i) {
        return principalNames[i];
    }

    public boolean isEnabled(int i) {
        return (flags[i] & ENABLED) != 0;
    }

    public boolean isGuest(int i) {
        return (flags[i] & GUEST) != 0;
    }

    int licenceProfileIndex(int i) {
        return licenceProfileOf[i];
    }

    int planProfileIndex(int i) {
        return planProfileOf[i];
    }

    LicenceProfile licenceProfile(int profile) {
        return licenceProfiles.get(profile);
    }

    PlanProfile planProfile(int profile) {
        return planProfiles.get(profile);
    }

    /** Every distinct licence profile with the location of its first holder, for SKU reference checks. */
    public void forEachLicenceProfile(BiConsumer<LicenceProfile, SourceLocation> action) {
        int[] firstHolder = new int[licenceProfiles.size()];
        Arrays.fill(firstHolder, -1);
        for (int i = 0; i < ids.length; i++) if (firstHolder[licenceProfileOf[i]] < 0) firstHolder[licenceProfileOf[i]] = i;
        for (int p = 0; p < firstHolder.length; p++) {
            if (firstHolder[p] >= 0) action.accept(licenceProfiles.get(p), location(firstHolder[p]));
        }
    }

    /**
     * The users in the order of their ids without regard to case, whatever the order of the export: what
     * reports list is then the same for the same tenant.
     */
    public int[] inIdOrder(int[] users) {
        int[] rank = ranks();
        long[] keyed = new long[users.length];
        for (int k = 0; k < users.length; k++) keyed[k] = ((long) rank[users[k]] << 32) | users[k];
        Arrays.sort(keyed);
        int[] out = new int[users.length];
        for (int k = 0; k < out.length; k++) out[k] = (int) keyed[k];
        return out;
    }

    /** Ranks by id. A GUID's lower-case text sorts as its number, so most ids compare as two longs. */
    private synchronized int[] ranks() {
        if (rankOf != null) return rankOf;
        int n = ids.length;
        long[] high = new long[n], low = new long[n];
        boolean[] guid = new boolean[n];
        for (int i = 0; i < n; i++) {
            long[] g = IdIndex.parse(ids[i]);
            if (g != null) {
                high[i] = g[0];
                low[i] = g[1];
                guid[i] = true;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            if (guid[a] && guid[b]) {
                int c = Long.compareUnsigned(high[a], high[b]);
                return c != 0 ? c : Long.compareUnsigned(low[a], low[b]);
            }
            int c = String.CASE_INSENSITIVE_ORDER.compare(ids[a], ids[b]);
            return c != 0 ? c : ids[a].compareTo(ids[b]);
        });
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) rank[order[r]] = r;
        rankOf = rank;
        return rank;
    }

    public boolean isAgentUser(int i) {
        return (flags[i] & AGENT_USER) != 0;
    }

    /** How many of the users are Entra agent users rather than people. */
    public int agentUsers() {
        int n = 0;
        for (int i = 0; i < size(); i++) if (isAgentUser(i)) n++;
        return n;
    }

    public SourceLocation location(int i) {
        return SourceLocation.of(files.get(fileOf[i]), lines[i], columns[i]);
    }

    /** The first users file read, where tenant-wide user findings point. */
    public SourceLocation firstFile() {
        return firstFile;
    }

    /** Interns equal profiles so that users share them. */
    private static final class Profiles<P> {
        final List<P> profiles = new ArrayList<>();
        final Map<P, Integer> index = new HashMap<>();

        int intern(P profile) {
            return index.computeIfAbsent(profile, p -> {
                profiles.add(p);
                return profiles.size() - 1;
            });
        }
    }

    /** The users of one export file, accumulated while it streams past. */
    public static final class Builder {
        private String[] ids = new String[1024];
        private String[] principalNames = new String[1024];
        private byte[] flags = new byte[1024];
        private int[] licenceProfileOf = new int[1024];
        private int[] planProfileOf = new int[1024];
        private int[] lines = new int[1024];
        private int[] columns = new int[1024];
        private short[] fileOf = new short[1024];
        private final List<Path> files = new ArrayList<>();
        private final Profiles<LicenceProfile> licences = new Profiles<>();
        private final Profiles<PlanProfile> plans = new Profiles<>();
        private int size;
        private final IdIndex indexById = new IdIndex();
        private SourceLocation firstFile;

        /** Adds a user; returns false when the id was already added (the caller reports the duplicate). */
        public boolean add(String id, String principalName, boolean enabled, boolean guest, PlanProfile assignedPlans,
                           LicenceProfile licenceProfile, SourceLocation at) {
            return add(id, principalName, enabled, guest, false, assignedPlans, licenceProfile, at);
        }

        /** Adds a user that may be an Entra agent user (counted apart from people). */
        public boolean add(String id, String principalName, boolean enabled, boolean guest, boolean agentUser,
                           PlanProfile assignedPlans, LicenceProfile licenceProfile, SourceLocation at) {
            if (!indexById.putIfAbsent(id, size)) return false;
            if (size == ids.length) grow();
            if (firstFile == null) firstFile = SourceLocation.startOf(at.file());
            ids[size] = id;
            principalNames[size] = principalName;
            flags[size] = (byte) ((enabled ? ENABLED : 0) | (guest ? GUEST : 0) | (agentUser ? AGENT_USER : 0));
            licenceProfileOf[size] = licences.intern(licenceProfile);
            planProfileOf[size] = plans.intern(assignedPlans);
            lines[size] = at.line();
            columns[size] = at.column();
            fileOf[size] = fileIndex(at.file());
            size++;
            return true;
        }

        /** The index of an added user, or -1. */
        public int indexOf(String id) {
            return indexById.get(id);
        }

        public int size() {
            return size;
        }

        private SourceLocation location(int i) {
            return SourceLocation.of(files.get(fileOf[i]), lines[i], columns[i]);
        }

        /**
         * Appends the users of {@code other} column by column: each of its profiles and files is looked up
         * here once, not once per user, and only a duplicate gets a location.
         */
        private void absorb(Builder other, DuplicateUser duplicate) {
            int[] licenceAs = internAll(other.licences, licences);
            int[] planAs = internAll(other.plans, plans);
            short[] fileAs = new short[other.files.size()];
            for (int f = 0; f < fileAs.length; f++) fileAs[f] = fileIndex(other.files.get(f));
            if (firstFile == null) firstFile = other.firstFile;
            for (int i = 0; i < other.size; i++) {
                if (!indexById.putIfAbsent(other.ids[i], size)) {
                    duplicate.met(other.ids[i], other.location(i), location(indexOf(other.ids[i])));
                    continue;
                }
                if (size == ids.length) grow();
                ids[size] = other.ids[i];
                principalNames[size] = other.principalNames[i];
                flags[size] = other.flags[i];
                licenceProfileOf[size] = licenceAs[other.licenceProfileOf[i]];
                planProfileOf[size] = planAs[other.planProfileOf[i]];
                lines[size] = other.lines[i];
                columns[size] = other.columns[i];
                fileOf[size] = fileAs[other.fileOf[i]];
                size++;
            }
        }

        /**
         * Appends the users of a later part of the same file (read on another core); false when one of
         * them was already added, and this builder is then spoilt: the caller reads the file again in one
         * part, which reports each duplicate where it is met.
         */
        public boolean appendPart(Builder later) {
            boolean[] clean = {true};
            absorb(later, (id, again, first) -> clean[0] = false);
            return clean[0];
        }

        /**
         * Moves the locations of a part read from the middle of its file onto the file's own lines: from
         * {@code line} on by {@code lineDelta}, and on {@code line} itself the columns by {@code columnDelta}.
         */
        public void shiftLocations(int line, int lineDelta, int columnDelta) {
            for (int i = 0; i < size; i++) {
                if (lines[i] == line) columns[i] += columnDelta;
                if (lines[i] >= line) lines[i] += lineDelta;
            }
        }

        /** For each profile of {@code from}, its index in {@code into}. */
        private static <P> int[] internAll(Profiles<P> from, Profiles<P> into) {
            int[] as = new int[from.profiles.size()];
            for (int p = 0; p < as.length; p++) as[p] = into.intern(from.profiles.get(p));
            return as;
        }

        private short fileIndex(Path file) {
            int last = files.size() - 1;
            if (last >= 0 && files.get(last).equals(file)) return (short) last;
            int i = files.indexOf(file);
            if (i < 0) {
                files.add(file);
                i = files.size() - 1;
            }
            return (short) i;
        }

        private void grow() {
            int n = ids.length * 2;
            ids = Arrays.copyOf(ids, n);
            principalNames = Arrays.copyOf(principalNames, n);
            flags = Arrays.copyOf(flags, n);
            licenceProfileOf = Arrays.copyOf(licenceProfileOf, n);
            planProfileOf = Arrays.copyOf(planProfileOf, n);
            lines = Arrays.copyOf(lines, n);
            columns = Arrays.copyOf(columns, n);
            fileOf = Arrays.copyOf(fileOf, n);
        }
    }
}
