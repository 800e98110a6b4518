package io.docextract.server.admin;

import io.docextract.server.auth.Organization;
import io.docextract.server.credits.CreditAccount;

/** An organization as administrators see it: its settings and its credit account. */
public record OrganizationDetails(Organization organization, CreditAccount credits) {}
