/**
 * Auditors' endpoints: the event log, its NDJSON export, online verification of the integrity
 * chain, and the offline verifier an auditor runs on an export.
 */
package org.reserveledger.api.audit;
