export { describePlanEvent } from './components/describe-plan-event.js';
export { PlanSection } from './components/plan-section.js';
