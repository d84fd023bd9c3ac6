package io.trailcheck.engine.directory;

import java.util.Map;

/**
 * Decides a user's effective mailbox from assignedPlans, or else from assigned licences and the SKUs'
 * service plans, as the rule catalogue defines "effective mailbox".
 */
final class MailboxDerivation {
    private final Map<String, Sku> skus;
    private final boolean skusExported;

    MailboxDerivation(Map<String, Sku> skus, boolean skusExported) {
        this.skus = skus;
        this.skusExported = skusExported;
    }

    MailboxStatus derive(byte planBits, LicenceProfile profile) {
        if (AssignedPlans.has(planBits, AssignedPlans.NON_EMPTY)) {
            return AssignedPlans.has(planBits, AssignedPlans.MAILBOX_ENABLED)
                    ? MailboxStatus.PRESENT : reason(planBits, profile);
        }
        if (!profile.isExported()) {
            return AssignedPlans.has(planBits, AssignedPlans.EXPORTED)
                    ? MailboxStatus.NO_EXCHANGE_PLAN : MailboxStatus.UNKNOWN;
        }
        if (profile.licences().isEmpty()) return reason(planBits, profile);
        if (!skusExported) return MailboxStatus.UNKNOWN;
        boolean unresolved = false;
        for (Licence licence : profile.licences()) {
            Sku sku = skus.get(licence.skuId());
            if (sku == null) {
                unresolved = true;
            } else if (grantsMailbox(sku, licence)) {
                return MailboxStatus.PRESENT;
            }
        }
        return unresolved ? MailboxStatus.UNKNOWN : reason(planBits, profile);
    }

    private static boolean grantsMailbox(Sku sku, Licence licence) {
        if (licence.isInError()) return false;
        for (String plan : sku.mailboxPlans()) {
            if (!licence.disabledPlans().contains(plan)) return true;
        }
        return false;
    }

    /** The first reason that applies, in catalogue order. */
    private MailboxStatus reason(byte planBits, LicenceProfile profile) {
        if (anyLicence(profile, (sku, l) -> !sku.mailboxPlans().isEmpty() && l.isInError())) {
            return MailboxStatus.LICENSE_ERROR;
        }
        if (anyLicence(profile, (sku, l) -> sku.mailboxPlans().stream().anyMatch(l.disabledPlans()::contains))) {
            return MailboxStatus.PLAN_DISABLED;
        }
        if (AssignedPlans.has(planBits, AssignedPlans.MAILBOX_SUSPENDED)) return MailboxStatus.PLAN_SUSPENDED;
        if (AssignedPlans.has(planBits, AssignedPlans.FOUNDATION) || anyLicence(profile, (sku, l) -> sku.hasFoundation())) {
            return MailboxStatus.FOUNDATION_ONLY;
        }
        return MailboxStatus.NO_EXCHANGE_PLAN;
    }

    private boolean anyLicence(LicenceProfile profile, java.util.function.BiPredicate<Sku, Licence> test) {
        if (!profile.isExported()) return false;
        for (Licence l : profile.licences()) {
            Sku sku = skus.get(l.skuId());
            if (sku != null && test.test(sku, l)) return true;
        }
        return false;
    }
}
