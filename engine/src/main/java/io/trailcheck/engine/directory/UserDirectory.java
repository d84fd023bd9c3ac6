package io.trailcheck.engine.directory;

import io.trailcheck.model.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every user of the tenant in columns (ids, names, flags, mailbox status) rather than objects: a million
 * users fit in a few hundred megabytes and are never inserted into the rule engine one by one.
 */
public final class UserDirectory {
    private static final byte ENABLED = 1;
    private static final byte GUEST = 2;
    /** An Entra Agent ID agent user: an identity of an AI agent, not a person. */
    private static final byte AGENT_USER = 4;

    private final String[] ids;
    private final String[] principalNames;
    private final byte[] flags;
    private final byte[] mailbox;
    /** The line of each user's record, and the users file it is in (an index into {@code files}). */
    private final int[] lines;
    private final int[] columns;
    private final short[] fileOf;
    private final List<java.nio.file.Path> files;
    private final IdIndex indexById;
    private final SourceLocation firstFile;

    private UserDirectory(Builder b, MailboxDerivation derivation) {
        int n = b.size;
        ids = java.util.Arrays.copyOf(b.ids, n);
        principalNames = java.util.Arrays.copyOf(b.principalNames, n);
        flags = java.util.Arrays.copyOf(b.flags, n);
        lines = java.util.Arrays.copyOf(b.lines, n);
        columns = java.util.Arrays.copyOf(b.columns, n);
        fileOf = java.util.Arrays.copyOf(b.fileOf, n);
        files = List.copyOf(b.files);
        indexById = b.indexById;
        firstFile = b.firstFile;
        mailbox = new byte[n];
        Map<Long, MailboxStatus> memo = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int profile = b.profileOf[i];
            byte bits = b.planBits[i];
            long key = ((long) profile << 8) | (bits & 0xFF);
            mailbox[i] = memo.computeIfAbsent(key, k -> derivation.derive(bits, b.profiles.get(profile))).code();
        }
    }

    public int size() {
        return ids.length;
    }

    /** The index of a user by directory id (any letter case), or -1. */
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

    public boolean isAgentUser(int i) {
        return (flags[i] & AGENT_USER) != 0;
    }

    /** How many of the users are Entra agent users rather than people. */
    public int agentUsers() {
        int n = 0;
        for (int i = 0; i < size(); i++) if (isAgentUser(i)) n++;
        return n;
    }

    public MailboxStatus mailbox(int i) {
        return MailboxStatus.ofCode(mailbox[i]);
    }

    public SourceLocation location(int i) {
        return SourceLocation.of(files.get(fileOf[i]), lines[i], columns[i]);
    }

    /** The first users file read, where tenant-wide user findings point. */
    public SourceLocation firstFile() {
        return firstFile;
    }

    /** Accumulates users while the exports stream past; {@link #build} derives every mailbox. */
    public static final class Builder {
        private String[] ids = new String[1024];
        private String[] principalNames = new String[1024];
        private byte[] flags = new byte[1024];
        private byte[] planBits = new byte[1024];
        private int[] profileOf = new int[1024];
        private int[] lines = new int[1024];
        private int[] columns = new int[1024];
        private short[] fileOf = new short[1024];
        private final List<java.nio.file.Path> files = new ArrayList<>();
        private int size;
        private final IdIndex indexById = new IdIndex();
        private final List<LicenceProfile> profiles = new ArrayList<>();
        private final Map<LicenceProfile, Integer> profileIndex = new HashMap<>();
        /** The first user holding each profile, by profile index: where a missing SKU is reported. */
        private final List<Integer> firstHolders = new ArrayList<>();
        private SourceLocation firstFile;

        /**
         * Adds a user; returns false when the id was already added (the caller reports the duplicate).
         */
        public boolean add(String id, String principalName, boolean enabled, boolean guest, byte assignedPlans,
                           LicenceProfile profile, SourceLocation at) {
            return add(id, principalName, enabled, guest, false, assignedPlans, profile, at);
        }

        /** Adds a user that may be an Entra agent user (counted apart from people). */
        public boolean add(String id, String principalName, boolean enabled, boolean guest, boolean agentUser,
                           byte assignedPlans, LicenceProfile profile, SourceLocation at) {
            if (!indexById.putIfAbsent(id, size)) return false;
            if (size == ids.length) grow();
            if (firstFile == null) firstFile = SourceLocation.startOf(at.file());
            ids[size] = id;
            principalNames[size] = principalName;
            flags[size] = (byte) ((enabled ? ENABLED : 0) | (guest ? GUEST : 0) | (agentUser ? AGENT_USER : 0));
            planBits[size] = assignedPlans;
            profileOf[size] = profileIndex.computeIfAbsent(profile, p -> {
                profiles.add(p);
                firstHolders.add(size);
                return profiles.size() - 1;
            });
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

        /** Every distinct licence profile seen, for SKU reference checks. */
        public List<LicenceProfile> profiles() {
            return profiles;
        }

        /** The location of the first user holding a profile. */
        public SourceLocation firstHolder(LicenceProfile profile) {
            Integer p = profileIndex.get(profile);
            if (p == null) return firstFile;
            int i = firstHolders.get(p);
            return SourceLocation.of(files.get(fileOf[i]), lines[i], columns[i]);
        }

        private short fileIndex(java.nio.file.Path file) {
            int last = files.size() - 1;
            if (last >= 0 && files.get(last).equals(file)) return (short) last;
            int i = files.indexOf(file);
            if (i < 0) {
                files.add(file);
                i = files.size() - 1;
            }
            return (short) i;
        }

        public UserDirectory build(Map<String, Sku> skus, boolean skusExported) {
            return new UserDirectory(this, new MailboxDerivation(skus, skusExported));
        }

        private void grow() {
            int n = ids.length * 2;
            ids = java.util.Arrays.copyOf(ids, n);
            principalNames = java.util.Arrays.copyOf(principalNames, n);
            flags = java.util.Arrays.copyOf(flags, n);
            planBits = java.util.Arrays.copyOf(planBits, n);
            profileOf = java.util.Arrays.copyOf(profileOf, n);
            lines = java.util.Arrays.copyOf(lines, n);
            columns = java.util.Arrays.copyOf(columns, n);
            fileOf = java.util.Arrays.copyOf(fileOf, n);
        }
    }
}
