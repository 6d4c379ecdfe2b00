import { render, screen } from '@testing-library/react';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import zhTW from '../../../locales/zh-TW.json';
import { CLAIM_STATES, claimState, reportedState, type ClaimState, type ClaimStateInput } from '../claim-state';
import { ClaimStatusLine, ClaimStatusTag, ReportedStatusTag } from '../StatusTag';

const record = (status: string, minutes = 180) => ({ minutes, status });

/** One claim in each state a person can meet, with what it must read. */
const CASES: [ClaimState, ClaimStateInput, string, string][] = [
  ['WAITLISTED', { status: 'WAITLISTED' }, 'Waiting list', 'You are on the waiting list and move up when a place frees.'],
  ['PENDING_APPROVAL', { status: 'PENDING_APPROVAL' }, 'Awaiting approval', 'Your request is waiting for the organiser.'],
  ['CONFIRMED', { status: 'CONFIRMED', shift: { cancelledAt: null } }, 'Confirmed', 'You have a place.'],
  ['CHECKED_IN', { status: 'CHECKED_IN' }, 'Checked in', 'You are checked in. Check out when you finish.'],
  ['AWAITING_VERIFICATION', { status: 'ATTENDED', serviceRecord: record('PENDING', 95) }, 'Checked out, to be verified', 'Checked out after 95 minutes: waiting for the organiser to verify them.'],
  ['VERIFIED', { status: 'ATTENDED', serviceRecord: record('VERIFIED') }, '180 minutes verified', '180 minutes verified: they count in your service hours.'],
  ['SERVICE_REJECTED', { status: 'ATTENDED', serviceRecord: record('REJECTED') }, 'Minutes not accepted', 'The organiser did not accept the minutes of this shift.'],
  ['NO_SHOW', { status: 'NO_SHOW' }, 'Did not attend', 'Marked as not attended.'],
  ['CANCELLED', { status: 'CANCELLED' }, 'Cancelled', 'This claim was cancelled.'],
  ['REJECTED', { status: 'REJECTED' }, 'Declined', 'The organiser declined this request.'],
  ['SHIFT_CANCELLED', { status: 'CANCELLED', shift: { cancelledAt: '2026-11-30T02:00:00.000Z' } }, 'Shift cancelled', 'The organiser cancelled this shift.'],
];

// The test set-up reads English.
const inEnglish = (ui: React.ReactNode) => render(<>{ui}</>);

describe('claim states', () => {
  it.each(CASES)('should show %s as one tag and one line that agree', (state, claim, tag, line) => {
    expect(claimState(claim)).toBe(state);
    inEnglish(
      <>
        <ClaimStatusTag claim={claim} />
        <ClaimStatusLine claim={claim} />
      </>,
    );
    expect(screen.getByText(tag)).toBeInTheDocument();
    expect(screen.getByText(line)).toBeInTheDocument();
  });

  it('should never say a verified claim waits for verification', () => {
    inEnglish(<ClaimStatusLine claim={{ status: 'ATTENDED', serviceRecord: record('VERIFIED') }} />);
    expect(document.body).not.toHaveTextContent(/waiting|to be verified/i);
  });

  it('should show reported hours waiting, verified or refused from the same table', () => {
    expect(['PENDING', 'VERIFIED', 'REJECTED'].map(reportedState)).toEqual(['REPORTED_PENDING', 'REPORTED_VERIFIED', 'REPORTED_REJECTED']);
    inEnglish(<ReportedStatusTag status="PENDING" />);
    expect(screen.getByText('To be verified')).toBeInTheDocument();
  });

  it('should have words for every state in every language', () => {
    const covered = new Set([...CASES.map(([s]) => s), 'REPORTED_PENDING', 'REPORTED_VERIFIED', 'REPORTED_REJECTED']);
    expect([...covered].sort()).toEqual([...CLAIM_STATES].sort());
    for (const words of [en, zhCN, zhTW]) {
      for (const part of ['tag', 'line'] as const) {
        const table = words.claimState[part] as Record<string, string>;
        for (const state of CLAIM_STATES) expect([state, table[state] ?? table[`${state}_other`]]).toEqual([state, expect.any(String)]);
      }
    }
  });
});
