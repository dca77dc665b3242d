import {
  commandCodecs,
  otherCommandLabels,
  projectCommandLabels,
  type Label,
  type Labels,
  type OtherCommandType,
  type ProjectCommandType,
} from '@zhaoshang/domain';
import { formOf, ONLY_TYPE_IMPLIED, type FieldSpec } from './form-model';

/** A command a person issues through a form: the project's and the other aggregates'. */
export type FormCommandType = ProjectCommandType | OtherCommandType;

const labels: Labels<FormCommandType> = { ...projectCommandLabels, ...otherCommandLabels };

/** What a person reads for a command (the domain's vocabulary). */
export const commandLabelOf = (command: FormCommandType): Label => labels[command];

const isProjectCommand = (command: FormCommandType): command is ProjectCommandType =>
  Object.hasOwn(projectCommandLabels, command);

/**
 * A command's form, from its codec: a project's command leaves out the project it addresses (its
 * page supplies it); another aggregate's shows every field but the type.
 */
export const commandFormOf = (command: FormCommandType): ReadonlyArray<FieldSpec> =>
  isProjectCommand(command)
    ? formOf(commandCodecs[command])
    : formOf(commandCodecs[command], ONLY_TYPE_IMPLIED);

/**
 * The areas of the other work (其他事项), in the order an office reaches for them, each with its
 * commands and where a recorded fact is seen (a read of the API, its `{field}`s from the body).
 */
export interface WorkArea {
  readonly key: string;
  readonly label: Label;
  readonly commands: ReadonlyArray<{ readonly command: OtherCommandType; readonly seeAt: string }>;
}

export const workAreas: ReadonlyArray<WorkArea> = [
  {
    key: 'requests',
    label: { zh: '企业诉求', en: 'Enterprise requests' },
    commands: [
      { command: 'ReceiveRequest', seeAt: '/requests/{requestId}' },
      { command: 'AssignRequest', seeAt: '/requests/{requestId}' },
      { command: 'HandleRequest', seeAt: '/requests/{requestId}' },
      { command: 'EvaluateRequest', seeAt: '/requests/{requestId}' },
      { command: 'CloseRequest', seeAt: '/requests/{requestId}' },
    ],
  },
  {
    key: 'meetings',
    label: { zh: '会议交办', en: 'Meetings and items' },
    commands: [
      { command: 'HoldMeeting', seeAt: '/meetings/{meetingId}' },
      { command: 'RecordDecision', seeAt: '/meetings/{meetingId}' },
      { command: 'ReportItemDone', seeAt: '/meetings/{meetingId}' },
      { command: 'ExtendItem', seeAt: '/meetings/{meetingId}' },
      { command: 'VerifyItem', seeAt: '/meetings/{meetingId}' },
    ],
  },
  {
    key: 'land',
    label: { zh: '土地', en: 'Land' },
    commands: [
      { command: 'RegisterPlot', seeAt: '/plots/{plotId}' },
      { command: 'RecordPlotSupply', seeAt: '/plots/{plotId}' },
      { command: 'AllocatePlot', seeAt: '/plots/{plotId}' },
      { command: 'FlagPlot', seeAt: '/plots/{plotId}' },
      { command: 'RevitalisePlot', seeAt: '/plots/{plotId}' },
      { command: 'ReclaimPlot', seeAt: '/plots/{plotId}' },
      { command: 'ReturnPlotToReserve', seeAt: '/plots/{plotId}' },
      { command: 'GrantLandQuota', seeAt: '/land-quota?year={year}' },
      { command: 'UseLandQuota', seeAt: '/land-quota?year={year}' },
      { command: 'ReleaseLandQuotaReservation', seeAt: '/land-quota?year={year}' },
    ],
  },
  {
    key: 'targets',
    label: { zh: '目标任务', en: 'Targets' },
    commands: [
      { command: 'SetAnnualTargets', seeAt: '/targets/{unitId}/{year}/progress' },
      { command: 'ReviseAnnualTargets', seeAt: '/targets/{unitId}/{year}/progress' },
    ],
  },
  {
    key: 'trips',
    label: { zh: '领导外出招商', en: 'Leaders’ trips' },
    commands: [
      { command: 'RecordOutboundTrip', seeAt: '/leaders/{leaderId}/trips' },
      { command: 'CorrectOutboundTrip', seeAt: '/leaders/{leaderId}/trips' },
    ],
  },
  {
    key: 'advisors',
    label: { zh: '招商顾问', en: 'Advisors' },
    commands: [
      { command: 'AppointAdvisor', seeAt: '/advisors/{advisorId}' },
      { command: 'EndAdvisorAppointment', seeAt: '/advisors/{advisorId}' },
      { command: 'CreditIntroduction', seeAt: '/advisors/{advisorId}' },
      { command: 'RewardAdvisor', seeAt: '/advisors/{advisorId}' },
    ],
  },
  {
    key: 'calendar',
    label: { zh: '工作日历', en: 'Working calendar' },
    commands: [
      { command: 'AdoptHolidaySchedule', seeAt: '/working-calendar' },
      { command: 'CorrectHolidaySchedule', seeAt: '/working-calendar' },
    ],
  },
];

/**
 * The commands with no generated form: the server completes a bulletin from its own figures (the
 * API's request, `POST /bulletins`, is the period, not the command's codec).
 */
export const commandsWithoutForm: ReadonlyArray<OtherCommandType> = ['PublishBulletin', 'CorrectBulletin'];
