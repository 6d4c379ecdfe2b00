import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsOptional, IsString, IsUUID } from 'class-validator';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';

export const CertificateStatusEnum = { REQUESTED: 'REQUESTED', PUBLICITY: 'PUBLICITY', ISSUED: 'ISSUED', REJECTED: 'REJECTED', REVOKED: 'REVOKED' } as const;
registerEnumType(CertificateStatusEnum, {
  name: 'CertificateStatus',
  description: 'Where a service-record certificate stands.',
  valuesMap: {
    REQUESTED: { description: 'Asked for; the organisation has not decided.' },
    PUBLICITY: { description: 'Approved, with a serial, in its 7 days of publicity (公示).' },
    ISSUED: { description: 'Publicity over: valid, with a PDF for the holder.' },
    REJECTED: { description: 'Refused by the organisation, with a reason.' },
    REVOKED: { description: 'Withdrawn by the organisation, with a reason: no longer valid.' },
  },
});

@ObjectType('ServiceCertificate', {
  implements: () => [NodeInterface],
  description: '志愿服务记录证明: a statement by the organisation that recorded the service (谁记录谁证明) of a volunteer\'s verified minutes with it in a period.',
})
export class ServiceCertificateObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field(() => String, { nullable: true, description: 'Unique serial (e.g. CG-2026-000123), given on approval; printed on the PDF and in its QR code.' })
  serial: string | null;
  @Field(() => Int, { description: 'Verified minutes with this organisation in the period (checkedInMinutes + reportedMinutes): as at the request until approval, then fixed.' })
  minutes: number;
  @Field(() => Int, { description: 'Of those, minutes checked in on site.' })
  checkedInMinutes: number;
  @Field(() => Int, { description: 'Of those, minutes reported or recorded from paper sign-in sheets.' })
  reportedMinutes: number;
  @Field({ description: 'Start of the period (inclusive).' })
  periodFrom: Date;
  @Field({ description: 'End of the period (exclusive).' })
  periodTo: Date;
  @Field(() => CertificateStatusEnum, { description: 'Where it stands.' })
  status: string;
  @Field({ description: 'When the volunteer asked for it.' })
  requestedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the organisation approved or rejected it.' })
  decidedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'End of the 7-day publicity after approval; ISSUED once it has passed.' })
  publicityEndsAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was issued.' })
  issuedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or revoked.' })
  reason: string | null;
}

export const ServiceCertificateConnection = ConnectionType(ServiceCertificateObject, 'ServiceCertificate', 'service certificate');

@ObjectType('CertificateVerification', { description: 'What a certificate says, for anyone holding its serial (no sign-in needed).' })
export class CertificateVerificationObject {
  @Field({ description: 'The serial checked.' })
  serial: string;
  @Field({ description: 'True only while ISSUED (not during publicity, not once revoked).' })
  valid: boolean;
  @Field(() => CertificateStatusEnum, { description: 'Where it stands.' })
  status: string;
  @Field({ description: "The holder's name, masked (e.g. 王*明)." })
  holderName: string;
  @Field({ description: 'The organisation that issued it.' })
  organizationName: string;
  @Field(() => Int, { description: 'Verified minutes it states.' })
  minutes: number;
  @Field(() => Date, { nullable: true, description: 'When it was issued.' })
  issuedAt: Date | null;
}

@InputType('RequestCertificateInput', { description: 'A certificate asked of the organisation that recorded your service, for a past period.' })
export class RequestCertificateInput {
  @Field(() => ID, { description: 'The organisation that verified your service in the period.' })
  @IsUUID()
  organizationId: string;
  @Field({ description: 'Start of the period (inclusive).' })
  @IsDate()
  periodFrom: Date;
  @Field({ description: 'End of the period (exclusive): after periodFrom and not in the future.' })
  @IsDate()
  periodTo: Date;
}

@InputType('DecideCertificateInput', { description: "The organisation's decision on a requested certificate." })
export class DecideCertificateInput {
  @Field(() => ID, { description: 'The certificate, REQUESTED.' })
  @IsUUID()
  certificateId: string;
  @Field({ description: 'True approves it (serial, publicity); false rejects it.' })
  @IsBoolean()
  approve: boolean;
  @Field(() => String, { nullable: true, description: 'Why: required to reject (at most 500 characters).' })
  @IsOptional()
  @IsString()
  reason?: string | null;
}
