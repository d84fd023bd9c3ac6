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
            if (!indexById.putIfAbsent(id, size)) return false;
            if (size == ids.length) grow();
            if (firstFile == null) firstFile = SourceLocation.startOf(at.file());
            ids[size] = id;
            principalNames[size] = principalName;
            flags[size] = (byte) ((enabled ? ENABLED : 0) | (guest ? GUEST : 0));
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

        private void absorb(Builder other, DuplicateUser duplicate) {
            for (int i = 0; i < other.size; i++) {
                SourceLocation at = other.location(i);
                boolean added = add(other.ids[i], other.principalNames[i], (other.flags[i] & ENABLED) != 0,
                        (other.flags[i] & GUEST) != 0, other.plans.profiles.get(other.planProfileOf[i]),
                        other.licences.profiles.get(other.licenceProfileOf[i]), at);
                if (!added) duplicate.met(other.ids[i], at, location(indexOf(other.ids[i])));
            }
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
