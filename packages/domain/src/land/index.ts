export { LandArea, PositiveLandArea, landArea } from './land.area';
export { HalfYear, halfYearBounds, halfYearOf } from './land.period';
export { clearanceFinding, defaultLandClearancePolicy } from './land.clearance';
export type { LandClearancePolicy, OccupantFacts } from './land.clearance';
export {
  LandUse,
  SupplyStatus,
  PlotFlag,
  FlagBasis,
  RevitalisationRoute,
  PlotRegistered,
  PlotSupplyRecorded,
  PlotAllocated,
  PlotFlagged,
  PlotRevitalised,
  PlotReclaimed,
  PlotReturnedToReserve,
  plotEvents,
  PlotEventCodec,
} from './plot.events';
export type { PlotEvent, PlotEventType, PlotEventOf } from './plot.events';
export {
  RegisterPlot,
  RecordPlotSupply,
  AllocatePlot,
  FlagPlot,
  RevitalisePlot,
  ReclaimPlot,
  ReturnPlotToReserve,
  plotCommands,
  plotCommandDates,
} from './plot.commands';
export type { PlotCommand } from './plot.commands';
export { initialPlotState } from './plot.state';
export type {
  PlotStatus,
  OccupiedStatus,
  Occupant,
  Revitalisation,
  Plot,
  NoPlot,
  PlotState,
} from './plot.state';
export { evolvePlot } from './plot.evolve';
export {
  plotDecider,
  isOccupied,
  requireNotRegistered,
  requireRegistered,
  requireInReserve,
  requireOccupied,
  requireOccupant,
  requireIdleOrLowEfficiency,
  requireRouteOutcome,
  requireWithinPlotArea,
  requireReclaimed,
  requirePlotStepInOrder,
  decideRegisterPlot,
  decideRecordPlotSupply,
  decideAllocatePlot,
  decideFlagPlot,
  decideRevitalisePlot,
  decideReclaimPlot,
  decideReturnPlotToReserve,
} from './plot.decide';
export { plotErrors } from './plot.errors';
export type { PlotErrorCode } from './plot.errors';
export {
  landUseLabels,
  supplyStatusLabels,
  plotStatusLabels,
  plotFlagLabels,
  flagBasisLabels,
  revitalisationRouteLabels,
} from './plot.vocabulary';
