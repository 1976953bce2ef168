export { useTimeline } from './api/get-timeline.js';
export { TimelineList } from './components/timeline-list.js';
