package io.trailcheck.engine.directory;

import java.util.Map;
import java.util.Set;

/**
 * Decides a user's effective mailbox from assignedPlans, or else from assigned licences and the SKUs'
 * service plans, as the rule catalogue defines "effective mailbox".
 */
final class MailboxDerivation {
    private static final Set<String> WORKING = Set.of("enabled", "warning");
    private static final Set<String> SUSPENDED = Set.of("suspended", "lockedout", "deleted");

    private final MailboxCatalogue catalogue;
    private final Map<String, Sku> skus;
    private final boolean skusExported;

    MailboxDerivation(MailboxCatalogue catalogue, Map<String, Sku> skus, boolean skusExported) {
        this.catalogue = catalogue;
        this.skus = skus;
        this.skusExported = skusExported;
    }

    MailboxStatus derive(PlanProfile plans, LicenceProfile licences) {
        if (!plans.isEmpty()) {
            return hasPlan(plans, WORKING) ? MailboxStatus.PRESENT : reason(plans, licences);
        }
        if (!licences.isExported()) {
            return plans.isExported() ? MailboxStatus.NO_EXCHANGE_PLAN : MailboxStatus.UNKNOWN;
        }
        if (licences.licences().isEmpty()) return reason(plans, licences);
        if (!skusExported) return MailboxStatus.UNKNOWN;
        boolean unresolved = false;
        for (Licence licence : licences.licences()) {
            Sku sku = skus.get(licence.skuId());
            if (sku == null) {
                unresolved = true;
            } else if (grantsMailbox(sku, licence)) {
                return MailboxStatus.PRESENT;
            }
        }
        return unresolved ? MailboxStatus.UNKNOWN : reason(plans, licences);
    }

    private boolean hasPlan(PlanProfile plans, Set<String> statuses) {
        if (plans.isEmpty()) return false;
        return plans.plans().stream().anyMatch(p -> catalogue.givesMailbox(p.servicePlanId())
                && statuses.contains(p.capabilityStatus()));
    }

    private boolean grantsMailbox(Sku sku, Licence licence) {
        if (licence.isInError()) return false;
        return sku.servicePlanIds().stream().anyMatch(p -> catalogue.givesMailbox(p) && !licence.disabledPlans().contains(p));
    }

    private boolean holdsMailboxPlan(Sku sku) {
        return sku.servicePlanIds().stream().anyMatch(catalogue::givesMailbox);
    }

    /** The first reason that applies, in catalogue order. */
    private MailboxStatus reason(PlanProfile plans, LicenceProfile licences) {
        if (anyLicence(licences, (sku, l) -> holdsMailboxPlan(sku) && l.isInError())) return MailboxStatus.LICENSE_ERROR;
        if (anyLicence(licences, (sku, l) -> sku.servicePlanIds().stream()
                .anyMatch(p -> catalogue.givesMailbox(p) && l.disabledPlans().contains(p)))) {
            return MailboxStatus.PLAN_DISABLED;
        }
        if (hasPlan(plans, SUSPENDED)) return MailboxStatus.PLAN_SUSPENDED;
        boolean foundationPlan = !plans.isEmpty() && plans.plans().stream().anyMatch(p -> catalogue.isFoundation(p.servicePlanId()));
        if (foundationPlan || anyLicence(licences, (sku, l) -> sku.servicePlanIds().stream().anyMatch(catalogue::isFoundation))) {
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
