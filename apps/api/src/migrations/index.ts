import { CoreSchema1764000000000 } from './1764000000000-core-schema';
import { Community1764100000000 } from './1764100000000-community';
import { Matching1764200000000 } from './1764200000000-matching';
import { Hardening1764300000000 } from './1764300000000-hardening';
import { Events1764400000000 } from './1764400000000-events';
import { Notifications1764600000000 } from './1764600000000-notifications';
import { NeedTaskLink1764610000000 } from './1764610000000-need-task-link';
import { ClaimStatusSets1764620000000 } from './1764620000000-claim-status-sets';
import { VolunteerMessages1764700000000 } from './1764700000000-volunteer-messages';
import { HotPaths1764800000000 } from './1764800000000-hot-paths';
import { Board1764810000000 } from './1764810000000-board';
import { ChangingWork1764850000000 } from './1764850000000-changing-work';
import { Dependants1764860000000 } from './1764860000000-dependants';
import { RegionAdmin1764900000000 } from './1764900000000-region-admin';
import { ShiftSeries1765000000000 } from './1765000000000-shift-series';
import { ReportedHours1765100000000 } from './1765100000000-reported-hours';
import { PeopleAndVerification1765220000000 } from './1765220000000-people-and-verification';
import { PledgeUnits1765230000000 } from './1765230000000-pledge-units';
import { AccountsAndNames1765260000000 } from './1765260000000-accounts-and-names';
import { Ledger1765300000000 } from './1765300000000-ledger';
import { Rewards1765310000000 } from './1765310000000-rewards';
import { HonoursAndCertificates1765320000000 } from './1765320000000-honours-and-certificates';

/** The one timeline of migrations, oldest first. */
export const MIGRATIONS = [CoreSchema1764000000000, Community1764100000000, Matching1764200000000, Hardening1764300000000, Events1764400000000, Notifications1764600000000, NeedTaskLink1764610000000, ClaimStatusSets1764620000000, VolunteerMessages1764700000000, HotPaths1764800000000, Board1764810000000, ChangingWork1764850000000, Dependants1764860000000, RegionAdmin1764900000000, ShiftSeries1765000000000, ReportedHours1765100000000, PeopleAndVerification1765220000000, PledgeUnits1765230000000, AccountsAndNames1765260000000, Ledger1765300000000, Rewards1765310000000, HonoursAndCertificates1765320000000];
