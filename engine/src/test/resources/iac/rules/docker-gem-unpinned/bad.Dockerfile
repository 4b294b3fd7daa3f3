FROM ruby:3.3
# expect
RUN gem install bundler
USER app
